using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Members;
using Tables.Web.Features.Tables;

namespace Tables.Web.Tests.Features;

/// <summary>Bad input gets a 400 naming each field, in the person's language, and changes nothing.</summary>
public sealed class ApiValidationTests : IClassFixture<TablesAppFactory>
{
    private readonly TablesAppFactory _app;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ApiValidationTests(TablesAppFactory app) => _app = app;

    [Fact]
    public async Task An_invalid_cycle_is_refused_field_by_field_and_nothing_is_stored()
    {
        using var client = await _app.SignedInAsync(TablesAppFactory.Coordinator);
        var before = await _app.CountAsync<Cycle>();
        var response = await client.PostAsJsonAsync("/api/tables/tilleuls/cycles", new CycleEdit { Title = "", Start = new DateOnly(2027, 1, 1), End = new DateOnly(2026, 1, 1) }, Ct);

        var errors = await ProblemErrorsAsync(response);
        Assert.Contains("title", errors.Keys);
        Assert.Equal("La fin doit venir après le début.", Assert.Single(errors["end"]));
        Assert.Equal(before, await _app.CountAsync<Cycle>());
    }

    [Fact]
    public async Task Messages_follow_the_chosen_language()
    {
        using var client = await _app.SignedInAsync(TablesAppFactory.Coordinator);
        var response = await client.PostAsJsonAsync("/api/tables/tilleuls/cycles?culture=en-CA", new CycleEdit { Title = "T", Start = new DateOnly(2027, 1, 1), End = new DateOnly(2026, 1, 1) }, Ct);
        Assert.Equal("The end must come after the start.", Assert.Single((await ProblemErrorsAsync(response))["end"]));
    }

    [Fact]
    public async Task An_invalid_table_edit_changes_nothing()
    {
        using var client = await _app.SignedInAsync(TablesAppFactory.Coordinator);
        var table = await client.GetFromJsonAsync<TableDetail>("/api/tables/tilleuls", Ct);
        var edit = new TableEdit { Name = "Nouveau nom", Neighbourhood = "", DefaultLanguage = "de", Themes = ["ok", new string('x', 500)], Version = table!.Version };

        var errors = await ProblemErrorsAsync(await client.PutAsJsonAsync("/api/tables/tilleuls", edit, Ct));
        Assert.Contains("neighbourhood", errors.Keys);
        Assert.Contains("defaultLanguage", errors.Keys);
        Assert.Contains("themes[1]", errors.Keys);
        var after = await client.GetFromJsonAsync<TableDetail>("/api/tables/tilleuls", Ct);
        Assert.Equal(table.Name, after!.Name);
        Assert.Equal(table.Version, after.Version);
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_not_a_500()
    {
        using var client = await _app.SignedInAsync(TablesAppFactory.Coordinator);
        var response = await client.PostAsync("/api/tables/tilleuls/cycles", new StringContent("{\"title\": 12, \"start\": \"pas une date\"", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict()
    {
        using var client = await _app.SignedInAsync(TablesAppFactory.Coordinator);
        var created = await (await client.PostAsJsonAsync("/api/tables/tilleuls/organisations", new OrganisationEdit { Name = "Épicerie solidaire", Sector = Sector.Community }, Ct)).Content.ReadFromJsonAsync<OrganisationItem>(Ct);
        var first = await client.PutAsJsonAsync($"/api/tables/tilleuls/organisations/{created!.Id}", new OrganisationEdit { Name = "Épicerie solidaire du parc", Sector = Sector.Community, Version = created.Version }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/tables/tilleuls/organisations/{created.Id}", new OrganisationEdit { Name = "Autre nom", Sector = Sector.Other, Version = created.Version }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Épicerie solidaire du parc", await _app.WithDbAsync(db => db.Organisations.Where(o => o.Id == created.Id).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_cycle_moves_one_phase_at_a_time_with_its_history()
    {
        using var client = await _app.SignedInAsync(TablesAppFactory.Coordinator);
        var cycle = await (await client.PostAsJsonAsync("/api/tables/tilleuls/cycles", new CycleEdit { Title = "Cycle d'essai", Start = new DateOnly(2029, 1, 1), End = new DateOnly(2031, 1, 1) }, Ct)).Content.ReadFromJsonAsync<CycleItem>(Ct);
        Assert.Equal(Phase.Portrait, cycle!.Phase);

        var back = await client.PostAsJsonAsync($"/api/tables/tilleuls/cycles/{cycle.Id}/phase", new PhaseMove { Direction = PhaseDirection.Previous }, Ct);
        Assert.Equal("Le cycle est déjà à la première phase.", Assert.Single((await ProblemErrorsAsync(back))["direction"]));

        var moved = await (await client.PostAsJsonAsync($"/api/tables/tilleuls/cycles/{cycle.Id}/phase", new PhaseMove { Direction = PhaseDirection.Next, Version = cycle.Version }, Ct)).Content.ReadFromJsonAsync<CycleItem>(Ct);
        Assert.Equal(Phase.Consultation, moved!.Phase);
        var stale = await client.PostAsJsonAsync($"/api/tables/tilleuls/cycles/{cycle.Id}/phase", new PhaseMove { Direction = PhaseDirection.Next, Version = cycle.Version }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var detail = await client.GetFromJsonAsync<CycleDetail>($"/api/tables/tilleuls/cycles/{cycle.Id}", Ct);
        Assert.Equal([Phase.Consultation, Phase.Portrait], detail!.History.Select(h => h.To).ToArray());
        Assert.Equal("Camille Tremblay", detail.History[0].By);
    }

    [Fact]
    public async Task The_last_coordinator_cannot_be_removed()
    {
        using var client = await _app.SignedInAsync(TablesAppFactory.Coordinator);
        var members = await client.GetFromJsonAsync<List<MemberRow>>("/api/tables/tilleuls/members", Ct);
        var coordinator = members!.Single(m => m.Role == TableRole.Coordinator);
        var response = await client.DeleteAsync($"/api/tables/tilleuls/members/{coordinator.Id}", Ct);
        Assert.Contains("role", (await ProblemErrorsAsync(response)).Keys);
        Assert.Equal(members!.Count, (await client.GetFromJsonAsync<List<MemberRow>>("/api/tables/tilleuls/members", Ct))!.Count);
    }

    private static async Task<Dictionary<string, string[]>> ProblemErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
