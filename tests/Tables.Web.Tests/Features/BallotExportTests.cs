using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;
using VotingMethod = Tables.Voting.VotingMethod;

namespace Tables.Web.Tests.Features;

/// <summary>A closed ballot's exports are anonymous and re-count to the stored result; chosen options become priorities.</summary>
public sealed class BallotExportTests(TablesAppFactory app) : IClassFixture<TablesAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(UserClaims.Administrator, "true")], "test"));

    /// <summary>A forum with a ballot voted by a few phones (in groups) and one paper ballot, then closed.</summary>
    private Task<(Ballot Ballot, BallotResult Result)> ClosedBallotAsync(BallotSetup setup, params VoteContent[] votes) =>
        ClosedBallotAsync(setup, ["Résident·e", "Institution"], votes);

    private async Task<(Ballot Ballot, BallotResult Result)> ClosedBallotAsync(BallotSetup setup, string[] groups, params VoteContent[] votes)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var access = (await sp.GetRequiredService<TableService>().EnterAsync(Admin, "tilleuls", Ct))!;
        var console = sp.GetRequiredService<ForumConsole>();
        var ballots = sp.GetRequiredService<BallotService>();
        var live = sp.GetRequiredService<LiveForum>();
        var cycle = (await console.ListAsync(access, Ct)).First().CycleId;
        var forum = await console.CreateAsync(access, Admin, new ForumCreate { CycleId = cycle, Title = "Export", StartsAt = DateTime.UtcNow, Groups = [.. groups] }, Ct);
        await console.OpenAsync(access, Admin, forum.Id, Ct);
        var ballot = await ballots.CreateAsync(access, Admin, forum.Id, setup, null, Ct);
        await console.OpenBallotAsync(access, Admin, ballot.Id, Ct);
        for (var i = 0; i < votes.Length - 1; i++)
        {
            var joined = await live.JoinAsync(new JoinRequest(forum.JoinCode, null, null, groups[i % groups.Length]), Ct);
            await live.CastAsync(joined.ParticipantId, new CastRequest(ballot.Id, votes[i], $"m{i}"), Ct);
        }
        await console.EnterPaperBallotAsync(access, Admin, ballot.Id, votes[^1], null, "paper-1", Ct);
        var result = await console.CloseBallotAsync(access, Admin, ballot.Id, Ct);
        return (ballot, result);
    }

    private static VoteContent Rank(params string[][] groups) => new() { Ranking = groups.Select(g => g.ToList()).ToList() };

    [Fact]
    public async Task Abif_and_csv_exports_recount_to_the_stored_result_with_its_seed()
    {
        var setup = new BallotSetup { Question = "Quel projet?", Method = VotingMethod.Schulze, Options = ["Parc", "Jardin", "Marché"], Secret = true };
        var (ballot, stored) = await ClosedBallotAsync(setup,
            Rank(["A"], ["B"], ["C"]), Rank(["B"], ["C"], ["A"]), Rank(["C"], ["A"], ["B"]), Rank(["A", "B"], ["C"]), Rank(["B"], ["A"]));
        using var client = app.Client();

        var abif = await client.GetAsync($"/api/tables/tilleuls/ballots/{ballot.Id}/ballots.abif", Ct);
        var csv = await client.GetAsync($"/api/tables/tilleuls/ballots/{ballot.Id}/ballots.csv", Ct);
        var json = JsonDocument.Parse(await client.GetStringAsync($"/api/tables/tilleuls/ballots/{ballot.Id}/result.json", Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, abif.StatusCode);
        var abifText = await abif.Content.ReadAsStringAsync(Ct);
        Assert.Contains("=A:[Parc]", abifText);
        Assert.DoesNotContain("group", abifText); // secret: no group in the export
        var recount = json.GetProperty("recount").GetString()!;
        Assert.Contains("seed=" + stored.Seed, recount);
        foreach (var (body, type) in new[] { (abifText, "text/plain"), (await csv.Content.ReadAsStringAsync(Ct), "text/csv") })
        {
            var again = await client.PostAsync(recount, new StringContent(body, Encoding.UTF8, type), Ct);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var tally = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.Equal(5, tally.GetProperty("ballots").GetInt32());
            Assert.Equal(stored.Winners, tally.GetProperty("winners").EnumerateArray().Select(w => w.GetString()!).ToArray());
            Assert.Equal(stored.Ranking.Select(g => string.Join("=", g)), tally.GetProperty("ranking").EnumerateArray().Select(g => string.Join("=", g.EnumerateArray().Select(t => t.GetString()))));
        }
        Assert.Equal(stored.Seed, json.GetProperty("seed").GetInt64());
        Assert.Equal("schulze", json.GetProperty("tally").GetProperty("method").GetString());
    }

    [Fact]
    public async Task Csv_export_neutralises_formula_like_group_names_and_still_recounts()
    {
        // Groups are typed by the facilitator: a name a spreadsheet would run must reach the CSV as text.
        string[] groups = ["=HYPERLINK(\"http://x.example\",\"clic\")", "@jeunes", "-aînés"];
        var setup = new BallotSetup { Question = "Q", Method = VotingMethod.Approval, Settings = new BallotSettings { MaxChoices = 2 }, Options = ["Un", "Deux"], Secret = false };
        var (ballot, stored) = await ClosedBallotAsync(setup, groups,
            new VoteContent { Values = new() { ["A"] = 1 } }, new VoteContent { Values = new() { ["A"] = 1, ["B"] = 1 } },
            new VoteContent { Values = new() { ["B"] = 1 } }, new VoteContent { Values = new() { ["A"] = 1 } });
        using var client = app.Client();

        var csv = await client.GetStringAsync($"/api/tables/tilleuls/ballots/{ballot.Id}/ballots.csv", Ct);
        var recount = JsonDocument.Parse(await client.GetStringAsync($"/api/tables/tilleuls/ballots/{ballot.Id}/result.json", Ct)).RootElement.GetProperty("recount").GetString()!;
        var again = await client.PostAsync(recount, new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);

        Assert.Contains(",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"clic\"\")\"", csv);
        Assert.Contains(",'@jeunes", csv);
        Assert.Contains(",'-aînés", csv);
        Assert.DoesNotContain(",=", csv);
        Assert.DoesNotContain(",@", csv);
        Assert.DoesNotContain(",-", csv);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var tally = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(stored.Winners, tally.GetProperty("winners").EnumerateArray().Select(w => w.GetString()!).ToArray());
        Assert.Equal(groups.Order(StringComparer.Ordinal), tally.GetProperty("byGroup").EnumerateObject().Select(g => g.Name));
    }

    [Fact]
    public async Task An_open_ballot_has_no_export_and_another_tables_member_sees_nothing()
    {
        using var client = app.Client();
        var setup = new BallotSetup { Question = "Q", Method = VotingMethod.Approval, Settings = new BallotSettings { MaxChoices = 1 }, Options = ["Un", "Deux"] };
        var (ballot, _) = await ClosedBallotAsync(setup, new VoteContent { Values = new() { ["A"] = 1 } }, new VoteContent { Values = new() { ["B"] = 1 } });
        await app.CreateOtherTableAsync("export-privee", "export@autre.example");

        var wrongTable = await client.GetAsync($"/api/tables/export-privee/ballots/{ballot.Id}/ballots.csv", Ct);

        Assert.Equal(HttpStatusCode.NotFound, wrongTable.StatusCode);
    }

    [Fact]
    public async Task Chosen_options_become_priorities_of_the_cycle_once_and_in_order()
    {
        var setup = new BallotSetup { Question = "Priorités?", Method = VotingMethod.Approval, Settings = new BallotSettings { MaxChoices = 2 }, Options = ["Logement social", "Ruelles vertes", "Bibliothèque"] };
        var (ballot, _) = await ClosedBallotAsync(setup, new VoteContent { Values = new() { ["A"] = 1, ["B"] = 1 } }, new VoteContent { Values = new() { ["B"] = 1 } });
        using var facilitator = await app.SignedInAsync(TablesAppFactory.Facilitator);
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);

        var refused = await partner.PostAsJsonAsync($"/api/tables/tilleuls/ballots/{ballot.Id}/priorities", new { tokens = new[] { "B" } }, Ct);
        var created = await facilitator.PostAsJsonAsync($"/api/tables/tilleuls/ballots/{ballot.Id}/priorities", new { tokens = new[] { "B", "A" } }, Ct);
        var again = await facilitator.PostAsJsonAsync($"/api/tables/tilleuls/ballots/{ballot.Id}/priorities", new { tokens = new[] { "B" } }, Ct);
        var unknown = await facilitator.PostAsJsonAsync($"/api/tables/tilleuls/ballots/{ballot.Id}/priorities", new { tokens = new[] { "Z" } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(["Ruelles vertes", "Logement social"], (await created.Content.ReadFromJsonAsync<string[]>(Ct))!);
        Assert.Empty((await again.Content.ReadFromJsonAsync<string[]>(Ct))!);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }
}
