using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;
using static Tables.Testing.ForumTestKit;

namespace Tables.Web.Tests.Features;

/// <summary>"Clore le forum": every open ballot is closed and counted, and the forum takes nothing more — enforced by the writer too.</summary>
public sealed class ForumClosingTests(TablesAppFactory app) : IClassFixture<TablesAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(UserClaims.Administrator, "true")], "test"));

    private sealed record Room(AsyncServiceScope Scope, TableAccess Access, ForumConsole Console, LiveForum Live, Forum Forum) : IAsyncDisposable
    {
        public BallotService Ballots => Scope.ServiceProvider.GetRequiredService<BallotService>();

        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }

    private async Task<Room> OpenRoomAsync()
    {
        var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var access = (await sp.GetRequiredService<TableService>().EnterAsync(Admin, "tilleuls", Ct))!;
        var console = sp.GetRequiredService<ForumConsole>();
        var cycle = (await console.ListAsync(access, Ct)).First().CycleId;
        var forum = await console.CreateAsync(access, Admin, new ForumCreate { CycleId = cycle, Title = "Clôture", StartsAt = DateTime.UtcNow }, Ct);
        await console.OpenAsync(access, Admin, forum.Id, Ct);
        return new Room(scope, access, console, sp.GetRequiredService<LiveForum>(), forum);
    }

    [Fact]
    public async Task Closing_the_forum_closes_and_counts_each_open_ballot_and_leaves_drafts_alone()
    {
        await using var room = await OpenRoomAsync();
        var (console, access, forum) = (room.Console, room.Access, room.Forum);
        var first = await room.Ballots.CreateAsync(access, Admin, forum.Id, SixOfNine(), null, Ct);
        var second = await room.Ballots.CreateAsync(access, Admin, forum.Id, BallotSetup.YesNo("On continue?", room.Scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Tables.Web.Resources.UiText>>()), null, Ct);
        var draft = await room.Ballots.CreateAsync(access, Admin, forum.Id, SixOfNine(), null, Ct);
        await console.OpenBallotAsync(access, Admin, first.Id, Ct);
        await console.OpenBallotAsync(access, Admin, second.Id, Ct);
        var phone = await room.Live.JoinAsync(new JoinRequest(forum.JoinCode, null, null, null), Ct);
        await room.Live.CastAsync(phone.ParticipantId, new CastRequest(first.Id, Approve("A", "C"), NewId(), Tables.Testing.ForumHubClient.NextVersion()), Ct);
        await room.Live.CastAsync(phone.ParticipantId, new CastRequest(second.Id, Approve("B"), NewId(), Tables.Testing.ForumHubClient.NextVersion()), Ct);

        var closed = await console.CloseAsync(access, Admin, forum.Id, Ct);

        Assert.Equal([first.Id, second.Id], closed.Order());
        var ballots = await app.WithDbAsync(db => db.Ballots.Where(b => b.ForumId == forum.Id).ToDictionaryAsync(b => b.Id, Ct));
        foreach (var id in closed)
        {
            Assert.Equal(BallotStatus.Closed, ballots[id].Status);
            Assert.NotNull(ballots[id].Seed);
            var result = System.Text.Json.JsonSerializer.Deserialize<BallotResult>(ballots[id].ResultJson!, TablesJson.Options)!;
            Assert.True(result.Final);
        }
        Assert.Equal(["B"], System.Text.Json.JsonSerializer.Deserialize<BallotResult>(ballots[second.Id].ResultJson!, TablesJson.Options)!.Winners);
        Assert.Equal(BallotStatus.Draft, ballots[draft.Id].Status);
        Assert.Equal(ForumStatus.Closed, await app.WithDbAsync(db => db.Forums.Where(f => f.Id == forum.Id).Select(f => f.Status).FirstAsync(Ct)));
        // Both closes are in the audit, with the forum's.
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(Ballot) && (a.EntityId == first.Id.ToString() || a.EntityId == second.Id.ToString())
            && a.After!.Contains("\"Closed\""), Ct)));
    }

    [Fact]
    public async Task A_closed_forum_takes_no_vote_idea_paper_entry_new_ballot_or_agenda_move()
    {
        await using var room = await OpenRoomAsync();
        var (console, access, forum) = (room.Console, room.Access, room.Forum);
        var ballot = await room.Ballots.CreateAsync(access, Admin, forum.Id, SixOfNine(), null, Ct);
        var draft = await room.Ballots.CreateAsync(access, Admin, forum.Id, SixOfNine(), null, Ct);
        await console.OpenBallotAsync(access, Admin, ballot.Id, Ct);
        var ideas = forum.Activities.Single(a => a.Kind == ActivityKind.Ideas).Id;
        await console.SetActivityAsync(access, Admin, forum.Id, ideas, Ct);
        var phone = await room.Live.JoinAsync(new JoinRequest(forum.JoinCode, null, null, null), Ct);
        await console.CloseAsync(access, Admin, forum.Id, Ct);
        var before = await app.WithDbAsync(async db => (await db.Votes.CountAsync(Ct), await db.Ideas.CountAsync(i => i.ForumId == forum.Id, Ct),
            await db.Ballots.CountAsync(b => b.ForumId == forum.Id, Ct)));

        var refusals = new List<Exception>
        {
            await Assert.ThrowsAsync<ForumException>(() => room.Live.CastAsync(phone.ParticipantId, new CastRequest(ballot.Id, Approve("A"), NewId(), Tables.Testing.ForumHubClient.NextVersion()), Ct)),
            await Assert.ThrowsAsync<ForumException>(() => room.Live.SubmitIdeaAsync(phone.ParticipantId, new IdeaRequest("Encore une idée", NewId()), Ct)),
            await Assert.ThrowsAsync<ForumException>(() => console.EnterPaperBallotAsync(access, Admin, ballot.Id, Approve("A"), null, NewId(), Ct)),
            await Assert.ThrowsAsync<ForumException>(() => room.Scope.ServiceProvider.GetRequiredService<IdeaModeration>().AddPaperIdeaAsync(access, forum.Id, new IdeaEdit { Text = "Idée papier" }, Ct)),
            await Assert.ThrowsAsync<ForumException>(() => room.Ballots.CreateAsync(access, Admin, forum.Id, SixOfNine(), null, Ct)),
            await Assert.ThrowsAsync<ForumException>(() => console.OpenBallotAsync(access, Admin, draft.Id, Ct)),
            await Assert.ThrowsAsync<ForumException>(() => console.SetActivityAsync(access, Admin, forum.Id, forum.Activities[0].Id, Ct)),
        };

        Assert.All(refusals, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Contains("clos", refusals[3].Message);
        Assert.Equal(before, await app.WithDbAsync(async db => (await db.Votes.CountAsync(Ct), await db.Ideas.CountAsync(i => i.ForumId == forum.Id, Ct),
            await db.Ballots.CountAsync(b => b.ForumId == forum.Id, Ct))));
    }

    [Fact]
    public async Task The_writer_refuses_votes_and_ideas_of_a_closed_forum_in_its_transaction_whatever_a_screen_believed()
    {
        await using var room = await OpenRoomAsync();
        var (console, access, forum) = (room.Console, room.Access, room.Forum);
        var ballot = await room.Ballots.CreateAsync(access, Admin, forum.Id, SixOfNine(), null, Ct);
        await console.OpenBallotAsync(access, Admin, ballot.Id, Ct);
        var phone = await room.Live.JoinAsync(new JoinRequest(forum.JoinCode, null, null, null), Ct);
        // The forum is closed behind everyone's back: the ballot row still says "open", as a stale cache would.
        await app.WithDbAsync(db => db.Forums.Where(f => f.Id == forum.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, ForumStatus.Closed), Ct));
        var writer = app.Services.GetRequiredService<ForumWriter>();

        var vote = await writer.CastAsync(access.Table.Id, ballot.Id, phone.ParticipantId, null, Approve("A"), NewId(), Tables.Testing.ForumHubClient.NextVersion());
        var paper = await writer.CastAsync(access.Table.Id, ballot.Id, null, null, Approve("B"), NewId(), Tables.Testing.ForumHubClient.NextVersion(), isPaper: true);
        var idea = await writer.InsertAsync(new Idea { TableId = access.Table.Id, ForumId = forum.Id, Text = "Trop tard", FromPaper = true, CreatedAt = DateTime.UtcNow });

        Assert.Equal(VoteOutcome.NotOpen, vote);
        Assert.Equal(VoteOutcome.NotOpen, paper);
        Assert.False(idea);
        Assert.Equal(0, await app.WithDbAsync(db => db.Votes.CountAsync(v => v.BallotId == ballot.Id, Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Ideas.CountAsync(i => i.ForumId == forum.Id, Ct)));
    }

    [Fact]
    public async Task Through_the_hub_a_phone_of_a_closed_forum_is_told_why_its_vote_is_refused()
    {
        await using var room = await OpenRoomAsync();
        var (console, access, forum) = (room.Console, room.Access, room.Forum);
        var ballot = await room.Ballots.CreateAsync(access, Admin, forum.Id, SixOfNine(), null, Ct);
        await console.OpenBallotAsync(access, Admin, ballot.Id, Ct);
        await using var phone = app.Hub();
        await phone.StartAsync(Ct);
        await phone.InvokeAsync<JoinResult>("Join", new JoinRequest(forum.JoinCode, null, null, null), Ct);
        await console.CloseAsync(access, Admin, forum.Id, Ct);

        var refused = await Assert.ThrowsAsync<HubException>(() => phone.InvokeAsync<CastAck>("Cast", new CastRequest(ballot.Id, Approve("A"), NewId(), Tables.Testing.ForumHubClient.NextVersion()), Ct));

        Assert.Contains("n'est pas ouvert", refused.Message);
    }

    [Fact]
    public async Task The_wall_shows_the_ballot_the_facilitator_chose_or_the_one_just_closed_until_the_agenda_moves_on()
    {
        await using var room = await OpenRoomAsync();
        var (console, access, forum) = (room.Console, room.Access, room.Forum);
        var ballot = await room.Ballots.CreateAsync(access, Admin, forum.Id, SixOfNine(), null, Ct);
        var draft = await room.Ballots.CreateAsync(access, Admin, forum.Id, SixOfNine(), null, Ct);
        await console.OpenBallotAsync(access, Admin, ballot.Id, Ct);

        await console.ShowOnWallAsync(access, Admin, forum.Id, ballot.Id, Ct);
        var pinned = await WallAsync(forum.Id);
        await Assert.ThrowsAsync<ForumException>(() => console.ShowOnWallAsync(access, Admin, forum.Id, draft.Id, Ct));
        await console.SetActivityAsync(access, Admin, forum.Id, forum.Activities[1].Id, Ct);
        var moved = await WallAsync(forum.Id);

        Assert.Equal(ballot.Id, pinned);
        Assert.Null(moved);

        // A ballot just closed keeps its result on the wall until the agenda moves on; closing the forum shows them all.
        await console.CloseBallotAsync(access, Admin, ballot.Id, Ct);
        Assert.Equal(ballot.Id, await WallAsync(forum.Id));
        await console.CloseAsync(access, Admin, forum.Id, Ct);
        Assert.Null(await WallAsync(forum.Id));
    }

    /// <summary>The ballot on the forum's wall, as the forum's state (topic <c>forum:{id}</c>) tells every wall.</summary>
    private async Task<int?> WallAsync(int forumId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tables.Web.Data.TableScope>().EnterAllTables();
        var state = await scope.ServiceProvider.GetRequiredService<ForumStateSource>().ReadAsync(forumId, Ct);
        return ((ForumState)state!.Public!).WallBallotId;
    }
}
