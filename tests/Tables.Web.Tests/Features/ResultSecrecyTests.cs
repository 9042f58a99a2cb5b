using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Components.Forums;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;

namespace Tables.Web.Tests.Features;

/// <summary>
/// Issue #12 §1: a secret ballot never shows choices by group — not in the close answer, the stored result,
/// <c>result.json</c>, the exports or the live figures a watcher gets — and small groups are folded into « autres » in
/// every breakdown of an open ballot (default minimum: 5 ballots).
/// </summary>
public sealed class ResultSecrecyTests(TablesAppFactory app) : IClassFixture<TablesAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(UserClaims.Administrator, "true")], "test"));

    /// <summary>A forum with the groups Grand, Moyen, Solo and Duo; one phone per vote (group, token approved); closed.</summary>
    private async Task<(int BallotId, BallotResult Closed)> VotedAsync(bool secret, params (string? Group, string Choice)[] votes)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var access = (await sp.GetRequiredService<TableService>().EnterAsync(Admin, "tilleuls", Ct))!;
        var console = sp.GetRequiredService<ForumConsole>();
        var live = sp.GetRequiredService<LiveForum>();
        var cycle = (await console.ListAsync(access, Ct)).First().CycleId;
        var forum = await console.CreateAsync(access, Admin, new ForumCreate { CycleId = cycle, Title = "Secret", StartsAt = DateTime.UtcNow, Groups = ["Grand", "Moyen", "Solo", "Duo"] }, Ct);
        await console.OpenAsync(access, Admin, forum.Id, Ct);
        var setup = ForumTestKit.SixOfNine(ResultVisibility.Live);
        setup.Secret = secret;
        var ballot = await sp.GetRequiredService<BallotService>().CreateAsync(access, Admin, forum.Id, setup, null, Ct);
        await console.OpenBallotAsync(access, Admin, ballot.Id, Ct);
        foreach (var (group, choice) in votes)
        {
            var joined = await live.JoinAsync(new JoinRequest(forum.JoinCode, null, null, group), Ct);
            await live.CastAsync(joined.ParticipantId, new CastRequest(ballot.Id, ForumTestKit.Approve(choice), ForumTestKit.NewId(), ForumHubClient.NextVersion()), Ct);
        }
        return (ballot.Id, await console.CloseBallotAsync(access, Admin, ballot.Id, Ct));
    }

    private static (string?, string)[] Votes(params (string? Group, int Count, string Choice)[] groups) =>
        [.. groups.SelectMany(g => Enumerable.Repeat((g.Group, g.Choice), g.Count))];

    private Task<BallotResults> RoomFiguresAsync(int ballotId) =>
        app.InTableAsync("tilleuls", async (sp, _) => (BallotResults)(await sp.GetRequiredService<BallotFigures>().ReadAsync(ballotId, Ct))!.Public!);

    private static string[]? Groups(JsonElement? tally) =>
        tally is { ValueKind: JsonValueKind.Object } t && t.TryGetProperty("byGroup", out var g) && g.ValueKind == JsonValueKind.Object ? [.. g.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)] : null;

    [Fact]
    public async Task A_secret_ballot_shows_no_choices_by_group_in_the_close_answer_the_stored_result_the_exports_or_the_live_figures()
    {
        // "Solo" is one person: any choice shown for the group is theirs.
        var (ballotId, closed) = await VotedAsync(secret: true, Votes(("Grand", 6, "A"), ("Solo", 1, "B")));
        using var anonymous = app.Client();

        Assert.Null(Groups(closed.Explanation));
        var stored = await app.WithDbAsync(db => db.Ballots.Where(b => b.Id == ballotId).Select(b => b.ResultJson).SingleAsync());
        Assert.Null(Groups(JsonDocument.Parse(stored!).RootElement.GetProperty("explanation")));
        var json = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/tables/tilleuls/ballots/{ballotId}/result.json", Ct)).RootElement;
        Assert.Null(Groups(json.GetProperty("tally")));
        var csv = await anonymous.GetStringAsync($"/api/tables/tilleuls/ballots/{ballotId}/ballots.csv", Ct);
        Assert.DoesNotContain("Solo", csv);
        Assert.DoesNotContain("Grand", csv);

        // Watchers and phones: turnout by group may be shown, but not a group of one on its own; no choices by group.
        var room = await RoomFiguresAsync(ballotId);
        Assert.DoesNotContain("Solo", room.CastByGroup.Keys);
        Assert.Equal(7, room.CastByGroup.Values.Sum());
        Assert.Null(Groups(room.Result!.Explanation));
    }

    [Fact]
    public async Task A_result_stored_with_choices_by_group_before_the_rule_loses_them_when_read()
    {
        var (ballotId, closed) = await VotedAsync(secret: true, Votes(("Grand", 5, "A"), ("Solo", 1, "B")));
        // As results were stored before: the tally with a breakdown that includes a group of one.
        var tally = JsonNode.Parse(closed.Explanation!.Value.GetRawText())!.AsObject();
        tally["byGroup"] = new JsonObject { ["Solo"] = new JsonObject { ["ballots"] = 1, ["winners"] = new JsonArray("B") } };
        var old = closed with { Explanation = JsonSerializer.SerializeToElement(tally) };
        await app.WithDbAsync(db => db.Ballots.Where(b => b.Id == ballotId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ResultJson, JsonSerializer.Serialize(old, TablesJson.Options)), Ct));
        using var anonymous = app.Client();

        var json = await anonymous.GetStringAsync($"/api/tables/tilleuls/ballots/{ballotId}/result.json", Ct);
        Assert.DoesNotContain("Solo", json);
        Assert.Null(Groups((await RoomFiguresAsync(ballotId)).Result!.Explanation));
    }

    [Fact]
    public async Task An_open_ballot_folds_small_groups_into_autres_in_every_breakdown()
    {
        // Moyen (5) is large enough alone, but Solo + Duo (2) would be found by subtraction: Moyen joins « autres ».
        var (ballotId, closed) = await VotedAsync(secret: false, Votes(("Grand", 6, "A"), ("Moyen", 5, "C"), ("Solo", 1, "B"), ("Duo", 2, "D")));
        using var anonymous = app.Client();

        string[] expected = ["Grand", ResultDisclosure.Others];
        Assert.Equal(expected, Groups(closed.Explanation));
        Assert.Equal(8, closed.Explanation!.Value.GetProperty("byGroup").GetProperty(ResultDisclosure.Others).GetProperty("ballots").GetInt64());
        var json = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/tables/tilleuls/ballots/{ballotId}/result.json", Ct)).RootElement;
        Assert.Equal(expected, Groups(json.GetProperty("tally")));
        var csv = await anonymous.GetStringAsync($"/api/tables/tilleuls/ballots/{ballotId}/ballots.csv", Ct);
        Assert.Contains("Grand", csv);
        Assert.Contains(ResultDisclosure.Others, csv);
        Assert.DoesNotContain("Solo", csv);
        Assert.DoesNotContain("Duo", csv);
        Assert.DoesNotContain("Moyen", csv);
        var room = await RoomFiguresAsync(ballotId);
        Assert.Equal(expected, room.CastByGroup.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(expected, Groups(room.Result!.Explanation));
    }

    [Fact]
    public async Task Report_models_get_the_same_projection()
    {
        var (ballotId, _) = await VotedAsync(secret: false, Votes(("Grand", 6, "A"), ("Solo", 1, "B")));
        var ballot = await app.WithDbAsync(db => db.Ballots.AsNoTracking().SingleAsync(b => b.Id == ballotId));
        var disclosure = app.Services.GetRequiredService<ResultDisclosure>();
        var tally = ResultView.Read(disclosure.StoredResult(ballot))!;

        // Grand alone would show Solo by subtraction: everything is « autres », which says nothing by group.
        Assert.Equal([ResultDisclosure.Others], disclosure.ChoicesForReport(ballot, tally).Select(g => g.Group));
        ballot.Secret = true;
        Assert.Empty(disclosure.ChoicesForReport(ballot, tally));
        Assert.DoesNotContain(disclosure.TurnoutForReport([.. Enumerable.Repeat<string?>("Grand", 6), "Solo"]), g => g.Group == "Solo");
    }
}
