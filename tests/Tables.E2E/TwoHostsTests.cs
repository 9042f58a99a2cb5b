using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;

namespace Tables.E2E;

/// <summary>
/// Two app hosts on one database (a shared SQLite file, for now) and the SignalR Redis backplane: what happens on host A
/// reaches the Blazor screens of host B live — through SignalR, never through an in-process event.
/// </summary>
public sealed class TwoHostsTests(BrowserFixture browser, RedisServer redis) : IClassFixture<BrowserFixture>, IClassFixture<RedisServer>
{
    [Fact]
    public async Task The_wall_and_console_on_host_B_see_a_vote_and_a_participant_arriving_on_host_A()
    {
        var backplane = redis.Require();
        if (browser.Browser is null)
        {
            await browser.NewPageAsync();
        }
        var data = Path.Combine(Path.GetTempPath(), "tables-two-hosts", Guid.NewGuid().ToString("N"));
        try
        {
            await RunAsync(data, backplane);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    private async Task RunAsync(string data, string backplane)
    {
        await using var hostA = new Host(data, backplane);
        await using var hostB = new Host(data, backplane);
        var urlA = hostA.Start();
        var urlB = hostB.Start();

        var (forum, ballot) = await hostA.InTableAsync("tilleuls", async (sp, access) =>
        {
            var cycles = await sp.GetRequiredService<Tables.Web.Features.Cycles.CycleService>().ListAsync(access);
            var console = sp.GetRequiredService<ForumConsole>();
            var forum = await console.CreateAsync(access, TablesAppFactory.Admin, new ForumCreate { CycleId = cycles[0].Id, Title = "Deux instances", StartsAt = DateTime.UtcNow });
            await console.OpenAsync(access, TablesAppFactory.Admin, forum.Id);
            var ballot = await sp.GetRequiredService<BallotService>().CreateAsync(access, TablesAppFactory.Admin, forum.Id, ForumTestKit.SixOfNine(ResultVisibility.Live),
                forum.Activities.Single(a => a.Kind == ActivityKind.Vote).Id);
            await console.SetActivityAsync(access, TablesAppFactory.Admin, forum.Id, forum.Activities.Single(a => a.Kind == ActivityKind.Vote).Id);
            await console.OpenBallotAsync(access, TablesAppFactory.Admin, ballot.Id);
            return (forum, ballot);
        });

        // On host B: the wall, and the console of a facilitator.
        var wall = await browser.NewPageAsync(1280, 720);
        await wall.GotoAsync($"{urlB}/forums/{forum.Id}/wall");
        await wall.WaitForInteractiveAsync();
        await Assertions.Expect(wall.GetByTestId("wall-cast")).ToHaveTextAsync("0");
        var console = await browser.NewPageAsync();
        await console.SignInAsync(urlB, TablesAppFactory.Facilitator);
        await console.GotoAsync($"{urlB}/forums/{forum.Id}/console");
        await console.WaitForInteractiveAsync();
        await Assertions.Expect(console.GetByTestId("console-participants")).ToHaveTextAsync("0 participant·es");

        // A phone on host A joins and votes.
        var ct = TestContext.Current.CancellationToken;
        await using var phone = ForumHubClient.Connect(new Uri(urlA));
        await phone.StartAsync(ct);
        await phone.JoinAsync(new JoinRequest(forum.JoinCode, null, null, "Résident·e"), ct);
        Assert.Equal(VoteOutcome.Stored, (await phone.CastAsync(new CastRequest(ballot.Id, ForumTestKit.Approve("C"), ForumTestKit.NewId()), ct)).Outcome);

        await Assertions.Expect(wall.GetByTestId("wall-cast")).ToHaveTextAsync("1", new() { Timeout = 5000 });
        await Assertions.Expect(wall.GetByTestId("wall-participants")).ToHaveTextAsync("1", new() { Timeout = 5000 });
        await Assertions.Expect(console.GetByTestId("console-participants")).ToHaveTextAsync("1 participant·es", new() { Timeout = 5000 });
        await wall.ScreenshotAsync("two-hosts-wall-on-b");
    }

    /// <summary>One instance of the app on a real port, on the shared data directory and the Redis backplane.</summary>
    private sealed class Host : TablesAppFactory
    {
        public Host(string data, string redis)
        {
            Settings["Data:Directory"] = data;
            Settings["SignalR:Redis"] = redis;
        }

        public string Start()
        {
            UseKestrel(0);
            StartServer();
            return ClientOptions.BaseAddress.ToString().TrimEnd('/');
        }
    }
}
