using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Jobs;
using static Tables.Testing.ForumTestKit;

namespace Tables.Web.Tests.Data;

/// <summary>
/// The app on PostgreSQL (<c>Database:Provider=Postgres</c>): migrations and the sample at start, sign-in, votes through
/// the hub counted exactly, refusals that write nothing, and text SQLite takes that PostgreSQL would refuse.
/// Skipped visibly without PostgreSQL, failed under CI=true.
/// </summary>
public sealed class PostgresTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_app_starts_on_PostgreSQL_with_its_migrations_the_sample_and_its_keys_in_the_database()
    {
        app.Require();
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready", Ct)).StatusCode);
        var (provider, all, applied, tables) = await app.WithDbAsync(async db =>
            (db.Database.ProviderName, db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync(Ct)).ToList(), await db.Tables.CountAsync(Ct)));
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", provider);
        Assert.Equal(all, applied);
        Assert.True(tables >= 1, "the sample table is loaded");

        // Identity, the sign-in cookie (Data Protection keys now in the database) and a table-scoped read.
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/api/tables/tilleuls/members", Ct)).StatusCode);
        Assert.True(await app.CountAsync<DataProtectionKey>() >= 1);
    }

    [Fact]
    public async Task Votes_of_a_room_through_the_hub_are_counted_exactly_on_PostgreSQL()
    {
        app.Require();
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);
        var forum = await OpenForumAsync(coordinator, "Forum sur PostgreSQL");
        var ballot = await CreateBallotAsync(coordinator, forum.Forum.Id, SixOfNine());
        var cookie = await app.SignInCookiesAsync(TablesAppFactory.Facilitator);
        await using var staff = app.Hub(o => o.Headers["Cookie"] = cookie);
        await staff.StartAsync(Ct);
        await staff.OpenBallotAsync(ballot.Id, Ct);

        const int Phones = 40;
        var phones = Enumerable.Range(0, Phones).Select(_ => app.Hub()).ToList();
        try
        {
            await Task.WhenAll(phones.Select(async (phone, i) =>
            {
                await phone.StartAsync(Ct);
                await phone.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, null), Ct);
                var tokens = new List<string> { "A" };
                if (i % 2 == 0)
                {
                    tokens.Add("B");
                }
                var first = new CastRequest(ballot.Id, Approve([.. tokens]), $"p{i}-1", ForumHubClient.NextVersion());
                Assert.Equal(VoteOutcome.Stored, (await phone.CastAsync(first, Ct)).Outcome);
                Assert.Equal(VoteOutcome.Duplicate, (await phone.CastAsync(first, Ct)).Outcome);
                if (i % 5 == 0)
                {
                    Assert.Equal(VoteOutcome.Stored, (await phone.CastAsync(new CastRequest(ballot.Id, Approve("D"), $"p{i}-2", ForumHubClient.NextVersion()), Ct)).Outcome);
                }
            }));
        }
        finally
        {
            foreach (var phone in phones)
            {
                await phone.DisposeAsync();
            }
        }

        var result = await staff.CloseBallotAsync(ballot.Id, Ct);
        var changed = Enumerable.Range(0, Phones).Count(i => i % 5 == 0);
        Assert.Equal(Phones - changed, result.Scores["A"]);
        Assert.Equal(Enumerable.Range(0, Phones).Count(i => i % 2 == 0 && i % 5 != 0), result.Scores["B"]);
        Assert.Equal(changed, result.Scores["D"]);
        Assert.Equal(Phones, await app.WithDbAsync(db => db.Votes.CountAsync(v => v.BallotId == ballot.Id, Ct)));
    }

    [Fact]
    public async Task Refused_requests_write_nothing_on_PostgreSQL()
    {
        app.Require();
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);
        var forum = await OpenForumAsync(coordinator, "Forum des refus");
        var ballot = await CreateBallotAsync(coordinator, forum.Forum.Id, SixOfNine());
        await using var phone = app.Hub();
        await phone.StartAsync(Ct);
        await phone.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, null), Ct);
        var before = await app.FingerprintAsync(Ct);

        var cycles = await coordinator.GetFromJsonAsync<List<Tables.Web.Features.Cycles.CycleItem>>("/api/tables/tilleuls/cycles", Ct);
        var refusals = new[]
        {
            await coordinator.PostAsJsonAsync("/api/tables/tilleuls/forums", new ForumCreate { CycleId = cycles![0].Id, Title = "", Place = "x" }, Ct),
            await coordinator.PostAsJsonAsync("/api/tables/tilleuls/forums", new ForumCreate { CycleId = int.MaxValue, Title = "Cycle absent", Place = "x" }, Ct),
            await coordinator.PostAsJsonAsync($"/api/tables/tilleuls/forums/{forum.Forum.Id}/ballots", new BallotSetup { Question = "Sans options ?", Method = Tables.Voting.VotingMethod.Approval, Options = [] }, Ct),
            await coordinator.PostAsync("/api/tables/tilleuls/organisations", new StringContent("{\"name\":null,\"sector\":\"nope\"}", Encoding.UTF8, "application/json"), Ct),
        };
        foreach (var response in refusals)
        {
            Assert.InRange((int)response.StatusCode, 400, 499);
        }
        await Assert.ThrowsAsync<HubException>(() => phone.CastAsync(new CastRequest(ballot.Id, Approve("A"), NewId(), ForumHubClient.NextVersion()), Ct)); // not open yet
        await Assert.ThrowsAsync<HubException>(() => phone.JoinAsync(new JoinRequest("ZZZZZZ", null, null, null), Ct));

        Assert.Equal(before, await app.FingerprintAsync(Ct));
    }

    [Fact]
    public async Task Text_with_U0000_and_a_lone_surrogate_is_stored_as_SQLite_would_not_refused_with_a_500()
    {
        app.Require();
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);
        var cycles = await coordinator.GetFromJsonAsync<List<Tables.Web.Features.Cycles.CycleItem>>("/api/tables/tilleuls/cycles", Ct);
        var json = $"{{\"cycleId\":{cycles![0].Id},\"title\":\"Nul\\u0000 et \\ud800 seul\",\"place\":\"Parc\",\"startsAt\":\"2027-01-01T19:00:00Z\"}}";
        var response = await coordinator.PostAsync("/api/tables/tilleuls/forums", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        Assert.True((int)response.StatusCode < 500, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        if (response.IsSuccessStatusCode)
        {
            var id = (await response.Content.ReadFromJsonAsync<ForumItem>(Ct))!.Id;
            Assert.Equal("Nul et \uFFFD seul", await app.WithDbAsync(db => db.Forums.Where(f => f.Id == id).Select(f => f.Title).SingleAsync(Ct)));
        }
    }

    [Fact]
    public async Task A_background_job_is_claimed_by_one_instance_at_a_time_on_PostgreSQL()
    {
        app.Require();
        var start = new DateTime(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var interval = TimeSpan.FromMinutes(5);
        var lease = TimeSpan.FromMinutes(15);
        var claims = await app.WithDbAsync(async db =>
        {
            var a = await JobLeases.TryClaimAsync(db, "pg-lease", "instance-a", interval, lease, start, Ct);
            var b = await JobLeases.TryClaimAsync(db, "pg-lease", "instance-b", interval, lease, start, Ct);
            await JobLeases.ReleaseAsync(db, "pg-lease", "instance-a", start.AddMinutes(1), null, Ct);
            var tooSoon = await JobLeases.TryClaimAsync(db, "pg-lease", "instance-b", interval, lease, start.AddMinutes(2), Ct);
            var due = await JobLeases.TryClaimAsync(db, "pg-lease", "instance-b", interval, lease, start.AddMinutes(6), Ct);
            return (a, b, tooSoon, due);
        });
        Assert.Equal((true, false, false, true), claims);
        var row = await app.WithDbAsync(db => db.Set<JobRun>().SingleAsync(j => j.Name == "pg-lease", Ct));
        Assert.Equal(("instance-b", start.AddMinutes(6), start.AddMinutes(1)), (row.LeaseOwner, row.LastStartedAt!.Value, row.LastFinishedAt!.Value));
    }
}
