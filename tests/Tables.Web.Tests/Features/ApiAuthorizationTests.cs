using Tables.Web.Features.Cycles;
using Tables.Web.Features.Tables;

namespace Tables.Web.Tests.Features;

/// <summary>Who sees and changes what, through the REST API: tables are walled off from each other.</summary>
public sealed class ApiAuthorizationTests : IClassFixture<ApiAuthorizationTests.App>
{
    public sealed class App : TablesAppFactory
    {
        public const string OtherCoordinator = "coord@autre.example";
        public const string PrivateTable = "table-privee";

        public App()
        {
            CreateOtherTableAsync(PrivateTable, OtherCoordinator).GetAwaiter().GetResult();
        }
    }

    private readonly App _app;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ApiAuthorizationTests(App app) => _app = app;

    [Fact]
    public async Task Anonymous_visitors_list_only_public_tables()
    {
        var tables = await _app.Client().GetFromJsonAsync<List<TableListItem>>("/api/tables", Ct);
        Assert.Contains(tables!, t => t.Slug == "tilleuls");
        Assert.DoesNotContain(tables!, t => t.Slug == App.PrivateTable);
    }

    [Fact]
    public async Task A_member_lists_their_private_table_and_the_public_ones()
    {
        using var client = await _app.SignedInAsync(App.OtherCoordinator);
        var tables = await client.GetFromJsonAsync<List<TableListItem>>("/api/tables", Ct);
        Assert.Equal([App.PrivateTable, "tilleuls"], tables!.Select(t => t.Slug).Order().ToArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(TablesAppFactory.Coordinator)]
    [InlineData(TablesAppFactory.Observer)]
    public async Task A_private_table_is_not_found_by_anyone_outside_it(string? email)
    {
        using var client = email is null ? _app.Client() : await _app.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/tables/{App.PrivateTable}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/tables/{App.PrivateTable}/cycles", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/tables/{App.PrivateTable}/cycles", ValidCycle(), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_private_tables_own_coordinator_reads_its_cycles()
    {
        using var client = await _app.SignedInAsync(App.OtherCoordinator);
        var response = await client.GetAsync($"/api/tables/{App.PrivateTable}/cycles", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Anyone_reads_the_cycles_of_a_public_table()
    {
        var cycles = await _app.Client().GetFromJsonAsync<List<CycleItem>>("/api/tables/tilleuls/cycles", Ct);
        Assert.Contains(cycles!, c => c.Phase == Phase.Implementation);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(TablesAppFactory.Facilitator, HttpStatusCode.Forbidden)]
    [InlineData(TablesAppFactory.Partner, HttpStatusCode.Forbidden)]
    [InlineData(TablesAppFactory.Observer, HttpStatusCode.Forbidden)]
    [InlineData(App.OtherCoordinator, HttpStatusCode.Forbidden)]
    public async Task Only_the_tables_coordinator_creates_cycles_edits_the_table_and_its_members(string? email, HttpStatusCode expected)
    {
        using var client = email is null ? _app.Client() : await _app.SignedInAsync(email);
        var cyclesBefore = await _app.CountAsync<Cycle>();
        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/tables/tilleuls/cycles", ValidCycle(), Ct)).StatusCode);
        Assert.Equal(expected, (await client.PutAsJsonAsync("/api/tables/tilleuls", new TableEdit { Name = "X", Neighbourhood = "Y" }, Ct)).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/tables/tilleuls/organisations", new { name = "Intrus", sector = "Community" }, Ct)).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/tables/tilleuls/members", new { email = "intrus@example.org", role = "Coordinator" }, Ct)).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/tables/tilleuls/cycles/2/phase", new { direction = "Next" }, Ct)).StatusCode);
        Assert.Equal(cyclesBefore, await _app.CountAsync<Cycle>());
    }

    [Fact]
    public async Task The_member_list_is_for_members_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Client().GetAsync("/api/tables/tilleuls/members", Ct)).StatusCode);
        using var outsider = await _app.SignedInAsync(App.OtherCoordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync("/api/tables/tilleuls/members", Ct)).StatusCode);
        using var observer = await _app.SignedInAsync(TablesAppFactory.Observer);
        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync("/api/tables/tilleuls/members", Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_installation_administrators_create_tables()
    {
        using var coordinator = await _app.SignedInAsync(TablesAppFactory.Coordinator);
        var create = new TableCreate { Slug = "nouvelle", Name = "Nouvelle", Neighbourhood = "Quelque part" };
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync("/api/tables", create, Ct)).StatusCode);
        using var admin = await _app.SignedInAsync(TablesAppFactory.Administrator);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/tables", create, Ct)).StatusCode);
    }

    [Fact]
    public async Task Pages_of_a_private_table_say_not_found_to_outsiders()
    {
        using var outsider = await _app.SignedInAsync(TablesAppFactory.Coordinator);
        var response = await outsider.GetAsync($"/t/{App.PrivateTable}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = System.Web.HttpUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Cette page n'existe pas.", html);
        Assert.DoesNotContain($"Table {App.PrivateTable}", html);
    }

    private static CycleEdit ValidCycle() => new() { Title = "Cycle", Start = new DateOnly(2027, 1, 1), End = new DateOnly(2029, 1, 1) };
}
