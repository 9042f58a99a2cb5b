using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using static Tables.Testing.ForumTestKit;

namespace Tables.E2E;

/// <summary>
/// Two app instances on one PostgreSQL database and the Redis backplane, phones spread over both: every phone sees the
/// figures of every vote (wherever it was cast) and the counts are exact. Skipped visibly without PostgreSQL or Redis,
/// failed under CI=true.
/// </summary>
public sealed class TwoHostsPostgresTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Phones_on_two_instances_sharing_PostgreSQL_and_Redis_all_see_every_vote_and_the_counts_are_exact()
    {
        var backplane = redis.Require();
        var database = await PostgresServer.NewDatabaseAsync();
        PostgresServer.Require(database is not null);
        try
        {
            await RunAsync(database!, backplane);
        }
        finally
        {
            await PostgresServer.DropAsync(database!);
        }
    }

    private static async Task RunAsync(string database, string backplane)
    {
        await using var hostA = new Host(database, backplane);
        await using var hostB = new Host(database, backplane);
        _ = hostA.Services; // A migrates and loads the sample first; B finds them done.
        _ = hostB.Services;

        var (forum, ballot) = await hostA.InTableAsync("tilleuls", async (sp, access) =>
        {
            var cycles = await sp.GetRequiredService<Tables.Web.Features.Cycles.CycleService>().ListAsync(access);
            var console = sp.GetRequiredService<ForumConsole>();
            var forum = await console.CreateAsync(access, TablesAppFactory.Admin, new ForumCreate { CycleId = cycles[0].Id, Title = "Deux instances, PostgreSQL", StartsAt = DateTime.UtcNow });
            await console.OpenAsync(access, TablesAppFactory.Admin, forum.Id);
            var vote = forum.Activities.Single(a => a.Kind == ActivityKind.Vote).Id;
            var ballot = await sp.GetRequiredService<BallotService>().CreateAsync(access, TablesAppFactory.Admin, forum.Id, SixOfNine(ResultVisibility.Live), vote);
            await console.SetActivityAsync(access, TablesAppFactory.Admin, forum.Id, vote);
            await console.OpenBallotAsync(access, TablesAppFactory.Admin, ballot.Id);
            return (forum, ballot);
        });

        const int Phones = 24;
        var phones = Enumerable.Range(0, Phones).Select(i => (i % 2 == 0 ? hostA : hostB).Hub()).ToList();
        // Each phone waits for the figures that count every vote, whichever instance took them.
        var seenAll = phones.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var lastSeen = new ConcurrentDictionary<int, int>();
        for (var i = 0; i < Phones; i++)
        {
            var index = i;
            phones[i].OnResultsChanged(results =>
            {
                lastSeen[index] = results.Cast;
                if (results.BallotId == ballot.Id && results.Cast == Phones)
                {
                    seenAll[index].TrySetResult();
                }
            });
        }
        try
        {
            await Task.WhenAll(phones.Select(async (phone, i) =>
            {
                await phone.StartAsync(Ct);
                await phone.JoinAsync(new JoinRequest(forum.JoinCode, null, null, null), Ct);
            }));
            var acks = await Task.WhenAll(phones.Select((phone, i) => phone.CastAsync(new CastRequest(ballot.Id, i % 3 == 0 ? Approve("A", "B") : Approve("A"), NewId(), ForumHubClient.NextVersion()), Ct)));
            Assert.All(acks, ack => Assert.Equal(VoteOutcome.Stored, ack.Outcome));

            var all = Task.WhenAll(seenAll.Select(s => s.Task));
            try
            {
                await all.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            }
            catch (TimeoutException)
            {
                // Reported below with each late phone's last figure.
            }
            Assert.True(all.IsCompletedSuccessfully,
                $"phones that never saw {Phones} votes (last figure seen): {string.Join(", ", Enumerable.Range(0, Phones).Where(i => !seenAll[i].Task.IsCompleted).Select(i => $"{i}:{lastSeen.GetValueOrDefault(i, -1)}"))}");
        }
        finally
        {
            foreach (var phone in phones)
            {
                await phone.DisposeAsync();
            }
        }

        // Closed on instance B: the count of the votes taken by both.
        var result = await hostB.InTableAsync("tilleuls", (sp, access) => sp.GetRequiredService<ForumConsole>().CloseBallotAsync(access, TablesAppFactory.Admin, ballot.Id));
        Assert.Equal(Phones, result.Scores["A"]);
        Assert.Equal(Enumerable.Range(0, Phones).Count(i => i % 3 == 0), result.Scores["B"]);
    }

    /// <summary>One instance of the app (in-memory server) on the shared PostgreSQL database and the Redis backplane.</summary>
    private sealed class Host : TablesAppFactory
    {
        public Host(string database, string redis)
        {
            Settings["Database:Provider"] = "Postgres";
            Settings["ConnectionStrings:Tables"] = database;
            Settings["SignalR:Redis"] = redis;
        }
    }
}
