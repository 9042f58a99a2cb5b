using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.Portrait;

namespace Tables.Web.Tests.Features.Portrait;

/// <summary>The portrait over REST on the real app: the sample, who reads and writes, refused stale saves and merges, the audit.</summary>
public sealed class PortraitApiTests(TablesAppFactory app) : IClassFixture<TablesAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> BaseAsync() => $"/api/tables/tilleuls/cycles/{(await app.CurrentPortraitAsync()).CycleId}/portrait";

    internal static IndicatorEdit NewIndicator(string label, decimal value = 12.5m) => new()
    {
        Theme = "Habitation", Label = label, Value = value, Unit = "%", Year = 2024, Source = "Enquête", Knowledge = KnowledgeKind.Field, BroughtBy = "Comité logement",
    };

    [Fact]
    public async Task The_sample_portrait_has_about_forty_indicators_over_eight_themes_with_sources_narratives_resources_and_gaps()
    {
        using var anonymous = app.Client();
        var portrait = await anonymous.GetFromJsonAsync<PortraitItem>(await BaseAsync(), Ct);

        Assert.NotNull(portrait);
        Assert.True(portrait.IsPublic);
        Assert.Equal(8, portrait.Themes.Count);
        var indicators = portrait.Themes.SelectMany(t => t.Indicators).ToList();
        Assert.InRange(indicators.Count, 38, 48);
        Assert.All(indicators, i => Assert.False(string.IsNullOrWhiteSpace(i.Source)));
        Assert.All(portrait.Themes, t => Assert.NotEmpty(t.Narratives));
        Assert.True(portrait.Themes.SelectMany(t => t.Resources).Count() >= 8);
        Assert.Equal(PortraitViews.Kinds.ToHashSet(), indicators.Select(i => i.Knowledge).Concat(portrait.Themes.SelectMany(t => t.Narratives).Select(n => n.Knowledge)).Concat([KnowledgeKind.Experiential]).ToHashSet());
        // The field report's example: no lived experience yet on transport.
        Assert.Contains(KnowledgeKind.Experiential, portrait.Themes.Single(t => t.Name == "Transport et mobilité").Gaps);
        // The pending testimony is not shown to the public.
        Assert.DoesNotContain(portrait.Themes.SelectMany(t => t.Testimonies), t => t.Status != TestimonyStatus.Accepted);
    }

    [Fact]
    public async Task Partners_and_staff_write_observers_read_and_the_public_is_refused()
    {
        var url = await BaseAsync() + "/indicators";
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        using var observer = await app.SignedInAsync(TablesAppFactory.Observer);
        using var anonymous = app.Client();

        var created = await partner.PostAsJsonAsync(url, NewIndicator("Écrit par un partenaire"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.PostAsJsonAsync(url, NewIndicator("Par un observateur"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(url, NewIndicator("Anonyme"), Ct)).StatusCode);
        var portrait = await observer.GetFromJsonAsync<PortraitItem>(await BaseAsync(), Ct);
        Assert.Contains(portrait!.Themes.SelectMany(t => t.Indicators), i => i.Label == "Écrit par un partenaire" && i.BroughtBy == "Comité logement");
    }

    [Fact]
    public async Task An_unpublished_portrait_is_read_by_members_only_and_publishing_is_for_coordination()
    {
        var url = await BaseAsync();
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        using var observer = await app.SignedInAsync(TablesAppFactory.Observer);
        using var anonymous = app.Client();
        await app.CreateOtherTableAsync("portrait-autre", "autre-portrait@example.org");
        using var outsider = await app.SignedInAsync("autre-portrait@example.org");
        try
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutAsJsonAsync(url, new PortraitSettings { IsPublic = false }, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync(url, new PortraitSettings { IsPublic = false }, Ct)).StatusCode);

            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(url, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url + "/indicators.csv", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync(url, Ct)).StatusCode);
            var refused = await anonymous.GetAsync(url.Replace("/api/tables", "/t", StringComparison.Ordinal), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var page = await refused.Content.ReadAsStringAsync(Ct);
            Assert.Contains("pas encore public", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
            Assert.DoesNotContain("Ménages locataires", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync(url, new PortraitSettings { IsPublic = true }, Ct)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task Saving_over_a_newer_change_is_refused_with_both_versions_and_the_merge_saves()
    {
        var url = await BaseAsync() + "/indicators";
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);
        var created = (await (await partner.PostAsJsonAsync(url, NewIndicator("Loyers signalés", 10), Ct)).Content.ReadFromJsonAsync<IndicatorItem>(Ct))!;
        var start = NewIndicator("Loyers signalés", 10) with { Version = created.Version };

        // The coordinator saves first, from the same version: a new source.
        var theirs = await coordinator.PutAsJsonAsync($"{url}/{created.Id}", start with { Source = "Registre 2024" }, Ct);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);

        // The partner's save from the old version is refused; the body holds the version saved meanwhile.
        var mine = start with { Value = 14 };
        var refused = await partner.PutAsJsonAsync($"{url}/{created.Id}", mine, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));
        var current = problem.RootElement.GetProperty("current").Deserialize<IndicatorEdit>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(("Registre 2024", 10m), (current.Source, current.Value));
        Assert.Equal("Registre 2024", await app.WithDbAsync(db => db.PortraitIndicators.Where(i => i.Id == created.Id).Select(i => i.Source).SingleAsync(Ct)));

        // Merged: their source, the partner's value, their version.
        var merged = PortraitMerge.Merge(start, mine, current, new Dictionary<string, MergeChoice>());
        var saved = await partner.PutAsJsonAsync($"{url}/{created.Id}", merged, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stored = await app.WithDbAsync(db => db.PortraitIndicators.SingleAsync(i => i.Id == created.Id, Ct));
        Assert.Equal(("Registre 2024", 14m), (stored.Source, stored.Value));
    }

    [Fact]
    public async Task Two_saves_from_the_same_version_at_once_let_exactly_one_through()
    {
        var url = await BaseAsync() + "/indicators";
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);
        var created = (await (await partner.PostAsJsonAsync(url, NewIndicator("Course"), Ct)).Content.ReadFromJsonAsync<IndicatorItem>(Ct))!;
        var start = NewIndicator("Course") with { Version = created.Version };

        var answers = await Task.WhenAll(
            partner.PutAsJsonAsync($"{url}/{created.Id}", start with { Value = 1 }, Ct),
            coordinator.PutAsJsonAsync($"{url}/{created.Id}", start with { Value = 2 }, Ct));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var winner = answers.Single(a => a.StatusCode == HttpStatusCode.OK);
        var stored = await app.WithDbAsync(db => db.PortraitIndicators.SingleAsync(i => i.Id == created.Id, Ct));
        Assert.Equal((await winner.Content.ReadFromJsonAsync<IndicatorItem>(Ct))!.Value, stored.Value);
    }

    [Fact]
    public async Task An_update_needs_its_version_and_a_stale_delete_is_refused()
    {
        var url = await BaseAsync() + "/indicators";
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        var created = (await (await partner.PostAsJsonAsync(url, NewIndicator("Sans version"), Ct)).Content.ReadFromJsonAsync<IndicatorItem>(Ct))!;

        var noVersion = await partner.PutAsJsonAsync($"{url}/{created.Id}", NewIndicator("Sans version", 3), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.Contains("\"version\"", await noVersion.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Conflict, (await partner.DeleteAsync($"{url}/{created.Id}?version={Guid.NewGuid()}", Ct)).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.PortraitIndicators.AnyAsync(i => i.Id == created.Id, Ct)));
        Assert.Equal(HttpStatusCode.NoContent, (await partner.DeleteAsync($"{url}/{created.Id}?version={created.Version}", Ct)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.PortraitIndicators.AnyAsync(i => i.Id == created.Id, Ct)));
    }

    [Fact]
    public async Task Every_change_is_audited_with_who_before_and_after()
    {
        var url = await BaseAsync() + "/narratives";
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        var edit = new NarrativeEdit { Theme = "Santé", Section = NarrativeSection.Needs, Title = "Audité", Body = "Avant", Knowledge = KnowledgeKind.Field, BroughtBy = "Cuisine" };
        var created = (await (await partner.PostAsJsonAsync(url, edit, Ct)).Content.ReadFromJsonAsync<NarrativeItem>(Ct))!;
        var updated = (await (await partner.PutAsJsonAsync($"{url}/{created.Id}", edit with { Body = "Après", Version = created.Version }, Ct)).Content.ReadFromJsonAsync<NarrativeItem>(Ct))!;
        await partner.DeleteAsync($"{url}/{created.Id}?version={updated.Version}", Ct);

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(PortraitNarrative) && a.EntityId == created.Id.ToString()).OrderBy(a => a.Id).ToListAsync(Ct));
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("Fatou Diallo", e.ActorName));
        Assert.Contains("\"Body\":\"Avant\"", entries[1].Before, StringComparison.Ordinal);
        Assert.Contains("\"Body\":\"Après\"", entries[1].After, StringComparison.Ordinal);
        Assert.Null(entries[2].After);
    }

    [Fact]
    public async Task Narratives_are_stored_sanitised_and_unknown_themes_and_duplicates_are_refused_with_a_clear_message()
    {
        var url = await BaseAsync();
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);

        var narrative = await partner.PostAsJsonAsync(url + "/narratives", new NarrativeEdit
        {
            Theme = "sécurité ALIMENTAIRE", Section = NarrativeSection.Issues, Body = "**Important** <script>alert(1)</script>", Knowledge = KnowledgeKind.Field, BroughtBy = "Cuisine",
        }, Ct);
        var item = (await narrative.Content.ReadFromJsonAsync<NarrativeItem>(Ct))!;
        Assert.Equal("Sécurité alimentaire", item.Theme);
        Assert.Contains("<strong>Important</strong>", item.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", item.Html, StringComparison.Ordinal);

        var unknown = await partner.PostAsJsonAsync(url + "/indicators", NewIndicator("X") with { Theme = "Sport" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("n'est pas un thème de la table", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync(Ct)).Replace('\u00A0', ' '), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await partner.PostAsJsonAsync(url + "/indicators", NewIndicator("Doublon"), Ct)).StatusCode);
        var duplicate = await partner.PostAsJsonAsync(url + "/indicators", NewIndicator(" doublon "), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("\"label\"", await duplicate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Testimonies_typed_by_facilitation_join_the_portrait_as_lived_experience_and_moderation_decides_what_shows()
    {
        var url = await BaseAsync();
        using var facilitator = await app.SignedInAsync(TablesAppFactory.Facilitator);
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        using var anonymous = app.Client();

        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync(url + "/testimonies", new TestimonyEdit { Theme = "Santé", Text = "x" }, Ct)).StatusCode);
        var typed = await facilitator.PostAsJsonAsync(url + "/testimonies", new TestimonyEdit { Theme = "Santé", Text = "Je vais à la clinique à pied, c'est loin." }, Ct);
        var testimony = (await typed.Content.ReadFromJsonAsync<TestimonyItem>(Ct))!;
        Assert.Equal((TestimonyStatus.Accepted, KnowledgeKind.Experiential, null), (testimony.Status, testimony.Knowledge, testimony.SignedName));

        var pending = await app.NewItemAsync("testimony");
        var seen = await anonymous.GetFromJsonAsync<PortraitItem>(url, Ct);
        Assert.Contains(seen!.Themes.SelectMany(t => t.Testimonies), t => t.Id == testimony.Id);
        Assert.DoesNotContain(seen.Themes.SelectMany(t => t.Testimonies), t => t.Id == pending);
        var moderated = await facilitator.GetFromJsonAsync<PortraitItem>(url + "?moderation=true", Ct);
        Assert.Contains(moderated!.Themes.SelectMany(t => t.Testimonies), t => t.Id == pending && t.Status == TestimonyStatus.Pending);

        Assert.Equal(HttpStatusCode.OK, (await facilitator.PutAsJsonAsync($"{url}/testimonies/{pending}/moderation", new TestimonyModeration { Status = TestimonyStatus.Accepted }, Ct)).StatusCode);
        seen = await anonymous.GetFromJsonAsync<PortraitItem>(url, Ct);
        Assert.Contains(seen!.Themes.SelectMany(t => t.Testimonies), t => t.Id == pending);
    }

    [Fact]
    public async Task The_template_lists_the_tables_themes_and_the_export_reads_back_without_change()
    {
        var url = await BaseAsync();
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);

        var template = await partner.GetStringAsync(url + "/template.csv", Ct);
        Assert.Contains("Transport et mobilité", template, StringComparison.Ordinal);

        var export = await partner.GetByteArrayAsync(url + "/indicators.csv", Ct);
        var preview = await PostCsvAsync(partner, url + "/import/preview", export);
        var result = (await preview.Content.ReadFromJsonAsync<ImportResult>(Ct))!;
        Assert.Empty(result.Errors);
        Assert.Equal((0, 0), (result.Added, result.Updated));
        Assert.True(result.Unchanged >= 43);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_portrait_and_its_csv_import()
    {
        using var anonymous = app.Client();
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json", Ct));
        var paths = document.RootElement.GetProperty("paths");
        const string portrait = "/api/tables/{slug}/cycles/{cycleId}/portrait";

        Assert.True(paths.TryGetProperty(portrait, out var read) && read.TryGetProperty("get", out _));
        var import = paths.GetProperty(portrait + "/import").GetProperty("post");
        Assert.True(import.GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _));
        Assert.Contains("nothing", import.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var update = paths.GetProperty(portrait + "/indicators/{id}").GetProperty("put");
        Assert.True(update.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(paths.TryGetProperty(portrait + "/testimonies/{id}/moderation", out _));
    }

    internal static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string url, byte[] csv)
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return client.PostAsync(url, content, Ct);
    }

    internal static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);
}
