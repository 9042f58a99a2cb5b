using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;
using static Tables.Testing.ForumTestKit;

namespace Tables.Web.Tests.Features;

/// <summary>What a forum leaves behind: the ideas and the options as spreadsheets, and priorities that say which ballot they came from.</summary>
public sealed class ForumRecordTests(TablesAppFactory app) : IClassFixture<TablesAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(UserClaims.Administrator, "true")], "test"));

    /// <summary>A forum with three ideas (one typed from paper, one hidden, one merged), a ballot made from two of them, closed after one vote.</summary>
    private async Task<(Forum Forum, Ballot Ballot, Idea Formula, Idea Long)> ForumWithIdeasAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var access = (await sp.GetRequiredService<TableService>().EnterAsync(Admin, "tilleuls", Ct))!;
        var console = sp.GetRequiredService<ForumConsole>();
        var ideas = sp.GetRequiredService<IdeaModeration>();
        var cycle = (await sp.GetRequiredService<CycleService>().ListAsync(access, Ct)).First().Id;
        var forum = await console.CreateAsync(access, Admin, new ForumCreate { CycleId = cycle, Title = "Traces", StartsAt = DateTime.UtcNow }, Ct);
        await console.OpenAsync(access, Admin, forum.Id, Ct);
        var formula = await ideas.AddPaperIdeaAsync(access, forum.Id, new IdeaEdit { Text = "=HYPERLINK(\"http://x\";\"clic\")", Theme = access.Table.Themes.First() }, Ct);
        var longIdea = await ideas.AddPaperIdeaAsync(access, forum.Id, new IdeaEdit { Text = "Une ruelle verte " + new string('r', 400) }, Ct);
        var hidden = await ideas.AddPaperIdeaAsync(access, forum.Id, new IdeaEdit { Text = "Idée masquée" }, Ct);
        var duplicate = await ideas.AddPaperIdeaAsync(access, forum.Id, new IdeaEdit { Text = "Ruelle verte (doublon)" }, Ct);
        await ideas.HideIdeaAsync(access, hidden.Id, true, Ct);
        await ideas.MergeIdeasAsync(access, duplicate.Id, longIdea.Id, Ct);
        // The long idea's option is shortened right there; it keeps its idea.
        var ballot = await sp.GetRequiredService<BallotService>().CreateAsync(access, Admin, forum.Id, new BallotSetup
        {
            Question = "Laquelle?", Method = Tables.Voting.VotingMethod.Plurality, Options = ["Formule", "Une ruelle verte"], IdeaIds = [formula.Id, longIdea.Id],
        }, null, Ct);
        await console.OpenBallotAsync(access, Admin, ballot.Id, Ct);
        var joined = await sp.GetRequiredService<LiveForum>().JoinAsync(new JoinRequest(forum.JoinCode, null, null, null), Ct);
        await sp.GetRequiredService<LiveForum>().CastAsync(joined.ParticipantId, new CastRequest(ballot.Id, Approve("B"), NewId(), Tables.Testing.ForumHubClient.NextVersion()), Ct);
        await console.CloseBallotAsync(access, Admin, ballot.Id, Ct);
        return (forum, ballot, formula, longIdea);
    }

    private static List<string[]> Rows(byte[] csv)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        using var reader = new CsvHelper.CsvParser(new StringReader(Encoding.UTF8.GetString(csv[3..])), System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Record!);
        }
        return rows;
    }

    [Fact]
    public async Task The_ideas_export_gives_theme_status_and_source_and_neutralises_formulas_for_the_facilitation_only()
    {
        var (forum, ballot, formula, longIdea) = await ForumWithIdeasAsync();
        using var facilitator = await app.SignedInAsync(TablesAppFactory.Facilitator);
        using var observer = await app.SignedInAsync(TablesAppFactory.Observer);

        var response = await facilitator.GetAsync($"/api/tables/tilleuls/forums/{forum.Id}/ideas.csv", Ct);
        var refused = await observer.GetAsync($"/api/tables/tilleuls/forums/{forum.Id}/ideas.csv", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var rows = Rows(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(["n°", "idée", "thème", "état", "source", "reçue (UTC)", "options de scrutin"], rows[0]);
        Assert.Equal(5, rows.Count);
        var first = rows.Single(r => r[0] == formula.Id.ToString());
        Assert.Equal("'=HYPERLINK(\"http://x\";\"clic\")", first[1]);
        Assert.Equal(["affichée", "papier", $"scrutin {ballot.Id}, option A"], [first[3], first[4], first[6]]);
        Assert.False(string.IsNullOrEmpty(first[2]));
        Assert.Contains(rows, r => r[1] == "Idée masquée" && r[3] == "masquée");
        Assert.Contains(rows, r => r[1] == "Ruelle verte (doublon)" && r[3] == $"fusionnée dans n°\u00a0{longIdea.Id}");
    }

    [Fact]
    public async Task The_options_file_says_what_each_token_of_the_ballots_csv_means_and_which_idea_it_came_from()
    {
        var (_, ballot, formula, longIdea) = await ForumWithIdeasAsync();
        using var reader = app.Client();

        var ballots = await reader.GetStringAsync($"/api/tables/tilleuls/ballots/{ballot.Id}/ballots.csv", Ct);
        var options = Rows(await reader.GetByteArrayAsync($"/api/tables/tilleuls/ballots/{ballot.Id}/options.csv", Ct));

        Assert.StartsWith("A,B,count", ballots);
        Assert.Equal([["option", "libellé", "idée"], ["A", "Formule", formula.Id.ToString()], ["B", "Une ruelle verte", longIdea.Id.ToString()]], options);
    }

    [Fact]
    public async Task Promoted_priorities_appear_in_the_cycle_with_the_ballot_and_idea_they_came_from()
    {
        var (forum, ballot, _, longIdea) = await ForumWithIdeasAsync();
        using var facilitator = await app.SignedInAsync(TablesAppFactory.Facilitator);
        (await facilitator.PostAsJsonAsync($"/api/tables/tilleuls/ballots/{ballot.Id}/priorities", new { tokens = new[] { "B" } }, Ct)).EnsureSuccessStatusCode();
        using var anyone = app.Client();

        var cycle = await anyone.GetFromJsonAsync<CycleDetail>($"/api/tables/tilleuls/cycles/{forum.CycleId}", Ct);

        var priority = Assert.Single(cycle!.Priorities, p => p.From?.BallotId == ballot.Id);
        Assert.Equal("Une ruelle verte", priority.Title);
        Assert.Equal(("Laquelle?", forum.Id, "Traces", "B", (int?)longIdea.Id),
            (priority.From!.Question, priority.From.ForumId, priority.From.ForumTitle, priority.From.OptionToken, priority.From.IdeaId));
        Assert.Equal(cycle.Priorities.OrderBy(p => p.Order).Select(p => p.Id), cycle.Priorities.Select(p => p.Id));
    }
}
