using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using static Tables.Testing.ForumTestKit;

namespace Tables.Web.Tests.Features;

public sealed class ForumConcurrencyTests : IDisposable
{
    private readonly TablesAppFactory _app = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_hundred_phones_voting_at_once_are_all_counted_exactly_once()
    {
        const int phones = 300;
        using var coordinator = await _app.SignedInAsync(TablesAppFactory.Coordinator);
        var forum = await OpenForumAsync(coordinator);
        var ballot = await CreateBallotAsync(coordinator, forum.Forum.Id, SixOfNine());
        var staff = _app.Hub(o => o.Headers["Cookie"] = _app.SignInCookiesAsync(TablesAppFactory.Facilitator).GetAwaiter().GetResult());
        await staff.StartAsync(Ct);
        await staff.OpenBallotAsync(ballot.Id, Ct);

        var connections = new HubConnection[phones];
        try
        {
            await Parallel.ForAsync(0, phones, Ct, async (i, ct) =>
            {
                connections[i] = _app.Hub();
                await connections[i].StartAsync(ct);
                await connections[i].JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, null), ct);
            });

            // Everyone votes at once; phone i approves option (i mod 9), and a third of them change their mind once.
            var acks = await Task.WhenAll(Enumerable.Range(0, phones).Select(async i =>
            {
                var token = BallotService.OptionToken(i % 9);
                var ack = await connections[i].CastAsync(new CastRequest(ballot.Id, Approve(token), NewId()), Ct);
                if (i % 3 == 0)
                {
                    ack = await connections[i].CastAsync(new CastRequest(ballot.Id, Approve("I"), NewId()), Ct);
                }
                return ack;
            }));
            Assert.All(acks, a => Assert.Equal(VoteOutcome.Stored, a.Outcome));

            var result = await staff.CloseBallotAsync(ballot.Id, Ct);
            var stored = await _app.WithDbAsync(db => db.Votes.Where(v => v.BallotId == ballot.Id).ToListAsync());
            Assert.Equal(phones, stored.Count);
            Assert.Equal(phones, stored.Select(v => v.ParticipantId).Distinct().Count());

            var expected = Enumerable.Range(0, phones).Select(i => i % 3 == 0 ? "I" : BallotService.OptionToken(i % 9))
                .GroupBy(t => t).ToDictionary(g => g.Key, g => (double)g.Count());
            foreach (var (token, count) in expected)
            {
                Assert.Equal(count, result.Scores[token]);
            }
            Assert.Equal(["I"], result.Winners);
        }
        finally
        {
            await Task.WhenAll(connections.Where(c => c is not null).Select(c => c.DisposeAsync().AsTask()));
            await staff.DisposeAsync();
        }
    }

    public void Dispose() => _app.Dispose();
}
