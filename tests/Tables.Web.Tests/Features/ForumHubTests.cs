using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using static Tables.Testing.ForumTestKit;

namespace Tables.Web.Tests.Features;

/// <summary>The live forum through real SignalR clients: join, resume, ideas, votes, close, paper, refusals.</summary>
public sealed class ForumHubTests : IClassFixture<TablesAppFactory>, IAsyncLifetime
{
    private readonly TablesAppFactory _app;
    private readonly List<HubConnection> _connections = [];
    private HttpClient _coordinator = default!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ForumHubTests(TablesAppFactory app) => _app = app;

    public async ValueTask InitializeAsync() => _coordinator = await _app.SignedInAsync(TablesAppFactory.Coordinator);

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _connections)
        {
            await c.DisposeAsync();
        }
        _coordinator.Dispose();
    }

    private async Task<HubConnection> ConnectAsync()
    {
        var connection = _app.Hub();
        _connections.Add(connection);
        await connection.StartAsync(Ct);
        return connection;
    }

    private async Task MoveToAsync(ForumDetail forum, ActivityKind kind)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var access = await scope.ServiceProvider.GetRequiredService<Tables.Web.Features.Tables.TableService>().EnterAsync(Principal(), "tilleuls", Ct);
        await scope.ServiceProvider.GetRequiredService<ForumConsole>().SetActivityAsync(access!, Principal(), forum.Forum.Id, forum.Agenda.First(a => a.Kind == kind).Id, Ct);
    }

    private static System.Security.Claims.ClaimsPrincipal Principal() =>
        new(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(Tables.Web.Features.Accounts.UserClaims.Administrator, "true")], "test"));

    [Fact]
    public async Task A_participant_joins_by_code_and_resumes_with_the_token()
    {
        var forum = await OpenForumAsync(_coordinator);
        var phone = await ConnectAsync();
        var joined = await phone.JoinAsync(new JoinRequest(forum.Forum.JoinCode.ToLowerInvariant(), null, "Amina", "Résident·e"), Ct);
        Assert.Equal(forum.Forum.Id, joined.Snapshot.ForumId);
        Assert.Equal("Résident·e", joined.Group);

        // A reload or a dropped Wi-Fi: a new connection with the kept token is the same participant.
        var again = await ConnectAsync();
        var resumed = await again.JoinAsync(new JoinRequest(forum.Forum.JoinCode, joined.Token, null, null), Ct);
        Assert.Equal(joined.ParticipantId, resumed.ParticipantId);
        Assert.Equal("Amina", resumed.DisplayName);
    }

    [Theory]
    [InlineData("ZZZZZZ", "Le code a six caractères")]
    [InlineData("", "Le code a six caractères")]
    [InlineData("AAAAAA", "Aucun forum n'a ce code")]
    public async Task A_wrong_code_is_refused_with_a_clear_message(string code, string message)
    {
        var phone = await ConnectAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => phone.JoinAsync(new JoinRequest(code, null, null, null), Ct));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task An_unknown_group_and_an_overlong_name_are_refused_and_nobody_is_added()
    {
        var forum = await OpenForumAsync(_coordinator);
        var phone = await ConnectAsync();
        var before = await _app.CountAsync<Participant>();
        await Assert.ThrowsAsync<HubException>(() => phone.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, "Martiens"), Ct));
        await Assert.ThrowsAsync<HubException>(() => phone.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, new string('é', 500), null), Ct));
        Assert.Equal(before, await _app.CountAsync<Participant>());
    }

    [Fact]
    public async Task A_room_joining_and_proposing_at_once_is_written_once_each_by_the_single_writer()
    {
        const int phones = 120;
        var forum = await OpenForumAsync(_coordinator);
        await MoveToAsync(forum, ActivityKind.Ideas);
        var connections = await Task.WhenAll(Enumerable.Range(0, phones).Select(_ => ConnectAsync()));
        var joined = await Task.WhenAll(connections.Select(c => c.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, null), Ct)));
        Assert.Equal(phones, joined.Select(j => j.ParticipantId).Distinct().Count());
        Assert.All(joined, j => Assert.True(j.ParticipantId > 0));

        var ideas = await Task.WhenAll(connections.Select((c, i) => c.SubmitIdeaAsync(new IdeaRequest($"Idée {i}", NewId()), Ct)));
        Assert.Equal(phones, ideas.Select(i => i.Id).Distinct().Count());
        var stored = await _app.WithDbAsync(db => db.Ideas.Where(i => i.ForumId == forum.Forum.Id).Select(i => i.Text).ToListAsync());
        Assert.Equal(Enumerable.Range(0, phones).Select(i => $"Idée {i}").Order(), stored.Order());
        Assert.Equal(phones, await _app.WithDbAsync(db => db.Participants.CountAsync(p => p.ForumId == forum.Forum.Id)));
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_written()
    {
        var forum = await OpenForumAsync(_coordinator);
        var writer = _app.Services.GetRequiredService<ForumWriter>();
        var good = new Participant { ForumId = forum.Forum.Id, Token = ParticipantTokens.New(), JoinedAt = DateTime.UtcNow };
        var orphan = new Participant { ForumId = int.MaxValue, Token = ParticipantTokens.New(), JoinedAt = DateTime.UtcNow };

        var writes = new[] { writer.InsertAsync(good), writer.InsertAsync(orphan) };
        await Assert.ThrowsAsync<DbUpdateException>(() => writes[1]);
        await writes[0];

        Assert.True(good.Id > 0);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Participants.CountAsync(p => p.Token == good.Token || p.Token == orphan.Token)));
    }

    [Fact]
    public async Task Ideas_are_taken_only_during_the_ideas_activity_and_a_resent_one_is_stored_once()
    {
        var forum = await OpenForumAsync(_coordinator);
        var phone = await ConnectAsync();
        await phone.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, null), Ct);
        var early = await Assert.ThrowsAsync<HubException>(() => phone.SubmitIdeaAsync(new IdeaRequest("Un marché public", NewId()), Ct));
        Assert.Contains("idées n'est pas ouvert", early.Message);

        await MoveToAsync(forum, ActivityKind.Ideas);
        var id = NewId();
        var first = await phone.SubmitIdeaAsync(new IdeaRequest("Un marché public le samedi", id), Ct);
        var resent = await phone.SubmitIdeaAsync(new IdeaRequest("Un marché public le samedi", id), Ct);
        Assert.Equal(first.Id, resent.Id);
        Assert.True(first.Mine);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Ideas.CountAsync(i => i.ForumId == forum.Forum.Id)));
        await Assert.ThrowsAsync<HubException>(() => phone.SubmitIdeaAsync(new IdeaRequest(new string('x', 501), NewId()), Ct));
    }

    [Fact]
    public async Task Votes_are_acknowledged_changed_deduplicated_and_refused_after_close()
    {
        var forum = await OpenForumAsync(_coordinator);
        var ballot = await CreateBallotAsync(_coordinator, forum.Forum.Id, SixOfNine());
        var resident = await ConnectAsync();
        await resident.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, "Résident·e"), Ct);

        var notOpen = await Assert.ThrowsAsync<HubException>(() => resident.CastAsync(new CastRequest(ballot.Id, Approve("A"), NewId()), Ct));
        Assert.Contains("n'est pas ouvert", notOpen.Message);

        var staff = await ConnectAsync(staff: true);
        await staff.OpenBallotAsync(ballot.Id, Ct);

        var first = await resident.CastAsync(new CastRequest(ballot.Id, Approve("A", "B"), "m1"), Ct);
        Assert.Equal(VoteOutcome.Stored, first.Outcome);
        Assert.Equal(VoteOutcome.Duplicate, (await resident.CastAsync(new CastRequest(ballot.Id, Approve("A", "B"), "m1"), Ct)).Outcome);
        Assert.Equal(VoteOutcome.Stored, (await resident.CastAsync(new CastRequest(ballot.Id, Approve("C"), "m2"), Ct)).Outcome);

        var tooMany = await Assert.ThrowsAsync<HubException>(() => resident.CastAsync(new CastRequest(ballot.Id, Approve("A", "B", "C", "D", "E", "F", "G"), NewId()), Ct));
        Assert.False(string.IsNullOrWhiteSpace(tooMany.Message));
        await Assert.ThrowsAsync<HubException>(() => resident.CastAsync(new CastRequest(ballot.Id, Approve("Z"), NewId()), Ct));

        var mine = await resident.GetSnapshotAsync(Ct);
        Assert.Equal(["C"], mine.Ballots.Single(b => b.Id == ballot.Id).MyVote!.Values!.Keys);

        var result = await staff.CloseBallotAsync(ballot.Id, Ct);
        Assert.Equal(["C"], result.Winners);
        Assert.True(result.Final);
        Assert.NotNull(result.Seed);
        var late = await Assert.ThrowsAsync<HubException>(() => resident.CastAsync(new CastRequest(ballot.Id, Approve("A"), NewId()), Ct));
        Assert.Contains("n'est pas ouvert", late.Message);

        var stored = await _app.WithDbAsync(db => db.Votes.Where(v => v.BallotId == ballot.Id).ToListAsync());
        Assert.Single(stored);
    }

    [Fact]
    public async Task Paper_ballots_count_like_the_others_and_are_shown_apart()
    {
        var forum = await OpenForumAsync(_coordinator);
        var ballot = await CreateBallotAsync(_coordinator, forum.Forum.Id, SixOfNine(ResultVisibility.Live));
        var staff = await ConnectAsync(staff: true);
        await staff.OpenBallotAsync(ballot.Id, Ct);
        Assert.Equal(VoteOutcome.Stored, await staff.EnterPaperBallotAsync(ballot.Id, Approve("B", "D"), "Résident·e", "paper-1", Ct));
        Assert.Equal(VoteOutcome.Duplicate, await staff.EnterPaperBallotAsync(ballot.Id, Approve("B", "D"), "Résident·e", "paper-1", Ct));
        Assert.Equal(VoteOutcome.Stored, await staff.EnterPaperBallotAsync(ballot.Id, Approve("B"), null, "paper-2", Ct));
        await Assert.ThrowsAsync<HubException>(() => staff.EnterPaperBallotAsync(ballot.Id, Approve("A", "B", "C", "D", "E", "F", "G"), null, "paper-3", Ct));

        var snapshot = await staff.WatchAsync(forum.Forum.Id, Ct);
        var results = snapshot.Ballots.Single().Results!;
        Assert.Equal(2, results.Cast);
        Assert.Equal(2, results.Paper);
        Assert.Equal(["B"], results.Result!.Winners);
        Assert.Equal(2, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == "PaperBallot" && a.EntityId == ballot.Id.ToString())));
    }

    [Fact]
    public async Task Residents_cannot_call_facilitator_methods()
    {
        var forum = await OpenForumAsync(_coordinator);
        var ballot = await CreateBallotAsync(_coordinator, forum.Forum.Id, SixOfNine());
        var resident = await ConnectAsync();
        await resident.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, null), Ct);
        foreach (var call in new Func<Task>[]
        {
            () => resident.OpenBallotAsync(ballot.Id, Ct),
            () => resident.CloseBallotAsync(ballot.Id, Ct),
            () => resident.SetActivityAsync(forum.Forum.Id, forum.Agenda[1].Id, Ct),
            () => resident.EnterPaperBallotAsync(ballot.Id, Approve("A"), null, "x", Ct),
            () => resident.HideIdeaAsync(1, true, Ct),
        })
        {
            var error = await Assert.ThrowsAsync<HubException>(call);
            Assert.Contains("Réservé à l'animation", error.Message);
        }
        Assert.Equal(BallotStatus.Draft, await _app.WithDbAsync(db => db.Ballots.Where(b => b.Id == ballot.Id).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_participant_cannot_vote_in_another_forums_ballot()
    {
        var forum = await OpenForumAsync(_coordinator);
        var other = await OpenForumAsync(_coordinator, "Autre forum");
        var ballot = await CreateBallotAsync(_coordinator, other.Forum.Id, SixOfNine());
        var staff = await ConnectAsync(staff: true);
        await staff.OpenBallotAsync(ballot.Id, Ct);
        var phone = await ConnectAsync();
        await phone.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, null), Ct);
        var error = await Assert.ThrowsAsync<HubException>(() => phone.CastAsync(new CastRequest(ballot.Id, Approve("A"), NewId()), Ct));
        Assert.Contains("n'existe pas dans ce forum", error.Message);
    }

    private async Task<HubConnection> ConnectAsync(bool staff)
    {
        if (!staff)
        {
            return await ConnectAsync();
        }
        var cookie = await _app.SignInCookiesAsync(TablesAppFactory.Facilitator);
        var connection = _app.Hub(o => o.Headers["Cookie"] = cookie);
        _connections.Add(connection);
        await connection.StartAsync(Ct);
        return connection;
    }
}
