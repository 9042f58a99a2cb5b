using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.Portrait;
using static Tables.Web.Tests.Features.Portrait.PortraitApiTests;

namespace Tables.Web.Tests.Features.Portrait;

/// <summary>CSV import through the API: what the preview shows, all or nothing, updates of existing indicators, a stale preview.</summary>
public sealed class PortraitImportTests(TablesAppFactory app) : IClassFixture<TablesAppFactory>
{
    private const string Header = "theme;libelle;valeur;unite;annee;source;territoire_comparaison;valeur_comparaison;note;savoir;apporte_par\n";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> BaseAsync() => $"/api/tables/tilleuls/cycles/{(await app.CurrentPortraitAsync()).CycleId}/portrait";

    private Task<int> CountAsync() => app.WithDbAsync(db => db.PortraitIndicators.IgnoreQueryFilters().CountAsync(Ct));

    [Fact]
    public async Task The_preview_shows_each_addition_and_each_change_and_writes_nothing()
    {
        var url = await BaseAsync();
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        var before = await CountAsync();
        var audits = await app.CountAsync<AuditEntry>();
        var file = Csv(Header
            + "Habitation;Ménages locataires;71,3;%;2021;Statistique Canada, Recensement 2021 (données fictives);Montréal;60,2;Chiffre révisé;académique;Comité logement des Tilleuls\n"
            + "Santé;Cliniques sans rendez-vous;2;cliniques;2025;CIUSSS;;;;terrain;CIUSSS du Centre-Fictif\n");

        var result = (await (await PostCsvAsync(partner, url + "/import/preview", file)).Content.ReadFromJsonAsync<ImportResult>(Ct))!;

        Assert.Empty(result.Errors);
        Assert.Equal((1, 1), (result.Added, result.Updated));
        var update = result.Lines.Single(l => l.Action == ImportAction.Update);
        Assert.Equal(2, update.Line);
        Assert.Equal(["Valeur", "Note"], update.Changes.Select(c => c.Field));
        Assert.Equal(("70,1", "71,3"), (update.Changes[0].Before, update.Changes[0].After));
        Assert.Equal(3, result.Lines.Single(l => l.Action == ImportAction.Add).Line);
        Assert.Equal(before, await CountAsync());
        Assert.Equal(audits, await app.CountAsync<AuditEntry>());
    }

    [Fact]
    public async Task Applying_adds_and_updates_in_one_go_and_audits_each_change()
    {
        var url = await BaseAsync();
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        var before = await CountAsync();
        var file = Csv(Header
            + "Environnement;Arbres plantés par les résidents;150;arbres;2024;Collectif citoyen Ruelles vertes (fictif);;;;terrain;Collectif citoyen Ruelles vertes\n"
            + "Environnement;Bacs de compost distribués;300;bacs;2025;Écoquartier;;;;politique;Arrondissement des Tilleuls\n");
        var preview = (await (await PostCsvAsync(partner, url + "/import/preview", file)).Content.ReadFromJsonAsync<ImportResult>(Ct))!;

        var applied = await PostCsvAsync(partner, $"{url}/import?basis={preview.Basis}", file);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(before + 1, await CountAsync());
        var trees = await app.WithDbAsync(db => db.PortraitIndicators.IgnoreQueryFilters().SingleAsync(i => i.Label == "Arbres plantés par les résidents", Ct));
        Assert.Equal(150m, trees.Value);
        var audits = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(PortraitIndicator) && a.ActorName == "Fatou Diallo").ToListAsync(Ct));
        Assert.Contains(audits, a => a.Action == AuditAction.Updated && a.EntityId == trees.Id.ToString() && a.Before!.Contains("\"Value\":120", StringComparison.Ordinal));
        Assert.Contains(audits, a => a.Action == AuditAction.Created && a.After!.Contains("Bacs de compost distribués", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_with_one_bad_row_imports_nothing_and_names_each_line_and_column()
    {
        var url = await BaseAsync();
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        var before = await CountAsync();
        var file = Csv(Header
            + "Habitation;Bonne ligne;1;%;2024;S;;;;terrain;B\n"
            + "Habitation;Mauvaise valeur;douze;%;2024;S;;;;terrain;B\n"
            + "Sport;Mauvais thème;1;%;2024;S;;;;terrain;B\n");

        var refused = await PostCsvAsync(partner, url + "/import", file);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));
        var errors = problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["3:valeur", "4:theme"], errors);
        Assert.Equal(before, await CountAsync());
        Assert.False(await app.WithDbAsync(db => db.PortraitIndicators.IgnoreQueryFilters().AnyAsync(i => i.Label == "Bonne ligne", Ct)));
    }

    [Fact]
    public async Task Applying_after_someone_changed_the_portrait_since_the_preview_is_refused_and_writes_nothing()
    {
        var url = await BaseAsync();
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);
        var file = Csv(Header + "Santé;Pharmacies;3;pharmacies;2025;Répertoire;;;;terrain;CIUSSS du Centre-Fictif\n");
        var preview = (await (await PostCsvAsync(partner, url + "/import/preview", file)).Content.ReadFromJsonAsync<ImportResult>(Ct))!;
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync(url + "/indicators", NewIndicator("Ajouté entre-temps"), Ct)).StatusCode);
        var before = await CountAsync();

        var refused = await PostCsvAsync(partner, $"{url}/import?basis={preview.Basis}", file);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Observers_cannot_import_and_a_file_too_large_is_refused_with_a_reason()
    {
        var url = await BaseAsync();
        using var observer = await app.SignedInAsync(TablesAppFactory.Observer);
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostCsvAsync(observer, url + "/import/preview", Csv(Header))).StatusCode);

        var huge = new byte[IndicatorCsv.MaxBytes + 10];
        Array.Fill(huge, (byte)'a');
        var result = (await (await PostCsvAsync(partner, url + "/import/preview", huge)).Content.ReadFromJsonAsync<ImportResult>(Ct))!;
        Assert.Contains("dépasse 5 Mo", Assert.Single(result.Errors).Message.Replace('\u00A0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copying_the_previous_cycle_fills_an_empty_portrait_but_leaves_testimonies_and_copies_once()
    {
        using var own = new TablesAppFactory();
        using var coordinator = await own.SignedInAsync(TablesAppFactory.Coordinator);
        var sample = await own.CurrentPortraitAsync();
        var counts = await own.WithDbAsync(async db => (
            await db.PortraitIndicators.CountAsync(i => i.PortraitId == sample.PortraitId, Ct),
            await db.PortraitNarratives.CountAsync(n => n.PortraitId == sample.PortraitId, Ct),
            await db.PortraitResources.CountAsync(r => r.PortraitId == sample.PortraitId, Ct)));
        var cycle = await (await coordinator.PostAsJsonAsync("/api/tables/tilleuls/cycles/", new { title = "Plan de quartier 2029-2032", start = "2029-01-15", end = "2032-12-15" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        var url = $"/api/tables/tilleuls/cycles/{cycle.GetProperty("id").GetInt32()}/portrait";

        var copied = await coordinator.PostAsJsonAsync(url + "/copy", new PortraitCopy(), Ct);

        Assert.Equal(HttpStatusCode.OK, copied.StatusCode);
        Assert.Equal(counts.Item1 + counts.Item2 + counts.Item3, (await copied.Content.ReadFromJsonAsync<CopyResult>(Ct))!.Copied);
        var portrait = (await coordinator.GetFromJsonAsync<PortraitItem>(url, Ct))!;
        Assert.False(portrait.IsPublic);
        Assert.Equal(counts.Item1, portrait.Themes.Sum(t => t.Indicators.Count));
        Assert.Empty(portrait.Themes.SelectMany(t => t.Testimonies));
        Assert.Contains(KnowledgeKind.Experiential, portrait.Themes.Single(t => t.Name == "Habitation").Gaps);
        var again = await coordinator.PostAsJsonAsync(url + "/copy", new PortraitCopy(), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(counts.Item1, (await coordinator.GetFromJsonAsync<PortraitItem>(url, Ct))!.Themes.Sum(t => t.Indicators.Count));
    }
}
