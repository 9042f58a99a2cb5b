using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;

namespace Tables.E2E;

/// <summary>
/// The room changes after the phones joined: each change reaches two phones (320 and 390 px wide) and the wall without a
/// reload, within 2 s. Before #11 the phones followed almost none of them (versions above 2^53).
/// </summary>
public sealed class LiveRoomTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions TwoSeconds = new() { Timeout = 2000 };
    private static readonly LocatorAssertionsToHaveTextOptions TwoSecondsExact = new() { Timeout = 2000 };

    [Fact]
    public async Task Agenda_ballot_results_close_and_end_reach_both_phones_and_the_wall_live()
    {
        var (forum, ballot) = await SetUpAsync();
        var phones = new List<IPage>();
        foreach (var width in new[] { 320, 390 })
        {
            var phone = await browser.NewPageAsync(width, 740);
            await phone.GotoAsync($"{browser.BaseUrl}/j/{forum.JoinCode}");
            await phone.GetByRole(AriaRole.Button, new() { Name = "Participer" }).ClickAsync();
            await Assertions.Expect(phone.Locator("#me")).ToBeVisibleAsync();
            phones.Add(phone);
        }
        var wall = await browser.NewPageAsync(1280, 720);
        await wall.GotoAsync($"{browser.BaseUrl}/forums/{forum.Id}/wall");
        await Assertions.Expect(wall.GetByTestId("wall-code")).ToHaveTextAsync(forum.JoinCode);
        await wall.WaitForInteractiveAsync();

        // 1. The facilitator moves the agenda to the ideas.
        await ConsoleAsync((console, access) => console.SetActivityAsync(access, TablesAppFactory.Admin, forum.Id, forum.Activities.Single(a => a.Kind == ActivityKind.Ideas).Id));
        foreach (var phone in phones)
        {
            await Assertions.Expect(phone.Locator("#activity-title")).ToContainTextAsync("Collecte d'idées", TwoSeconds);
            await Assertions.Expect(phone.Locator("#idea-form")).ToBeVisibleAsync(new() { Timeout = 2000 });
        }
        await Assertions.Expect(wall.GetByTestId("wall-activity")).ToContainTextAsync("Collecte d'idées", TwoSeconds);

        // 2. The vote: the agenda moves on and the ballot opens.
        await ConsoleAsync(async (console, access) =>
        {
            await console.SetActivityAsync(access, TablesAppFactory.Admin, forum.Id, forum.Activities.Single(a => a.Kind == ActivityKind.Vote).Id);
            await console.OpenBallotAsync(access, TablesAppFactory.Admin, ballot.Id);
        });
        foreach (var phone in phones)
        {
            await Assertions.Expect(phone.GetByRole(AriaRole.Group, new() { Name = ballot.Question })).ToBeVisibleAsync(new() { Timeout = 2000 });
        }
        await Assertions.Expect(wall.GetByRole(AriaRole.Heading, new() { Name = ballot.Question })).ToBeVisibleAsync(new() { Timeout = 2000 });

        // 3. Live results: someone else votes; both phones and the wall show the figures.
        await using (var voter = ForumHubClient.Connect(new Uri(browser.BaseUrl)))
        {
            await voter.StartAsync(TestContext.Current.CancellationToken);
            await voter.JoinAsync(new JoinRequest(forum.JoinCode, null, null, null), TestContext.Current.CancellationToken);
            await voter.CastAsync(new CastRequest(ballot.Id, ForumTestKit.Approve("B"), ForumTestKit.NewId()), TestContext.Current.CancellationToken);
        }
        foreach (var phone in phones)
        {
            await Assertions.Expect(phone.Locator("#ballot-results")).ToContainTextAsync("Bulletins reçus : 1", TwoSeconds);
            await Assertions.Expect(phone.Locator("#ballot-results li.winner")).ToContainTextAsync("Sécurité alimentaire", TwoSeconds);
        }
        await Assertions.Expect(wall.GetByTestId("wall-cast")).ToHaveTextAsync("1", TwoSecondsExact);

        // 4. The ballot closes.
        await ConsoleAsync((console, access) => console.CloseBallotAsync(access, TablesAppFactory.Admin, ballot.Id));
        foreach (var phone in phones)
        {
            await Assertions.Expect(phone.Locator("#ballot-body")).ToContainTextAsync("Ce vote est fermé.", TwoSeconds);
        }
        await Assertions.Expect(wall.GetByTestId("seed")).ToContainTextAsync("graine publiée", TwoSeconds);

        // 5. The forum closes.
        await ConsoleAsync((console, access) => console.CloseAsync(access, TablesAppFactory.Admin, forum.Id));
        foreach (var phone in phones)
        {
            await Assertions.Expect(phone.Locator("#phone-status")).ToContainTextAsync("Ce forum est terminé", TwoSeconds);
        }
        await Assertions.Expect(wall.Locator(".wall-url")).ToContainTextAsync("Clos", TwoSeconds);
        await phones[0].ScreenshotAsync("live-room-phone-320-closed");
        await phones[1].ScreenshotAsync("live-room-phone-390-closed");
        await wall.ScreenshotAsync("live-room-wall-closed");
    }

    private async Task<(Forum Forum, BallotItem Ballot)> SetUpAsync()
    {
        if (browser.Browser is null)
        {
            await browser.NewPageAsync(); // skips (or fails under CI) with the reason
        }
        return await browser.App.InTableAsync("tilleuls", async (sp, access) =>
        {
            var cycle = await sp.GetRequiredService<Tables.Web.Features.Cycles.CycleService>().ListAsync(access);
            var console = sp.GetRequiredService<ForumConsole>();
            var forum = await console.CreateAsync(access, TablesAppFactory.Admin, new ForumCreate { CycleId = cycle[0].Id, Title = "Forum en direct", StartsAt = DateTime.UtcNow });
            await console.OpenAsync(access, TablesAppFactory.Admin, forum.Id);
            var setup = ForumTestKit.SixOfNine(ResultVisibility.Live);
            var ballot = await sp.GetRequiredService<BallotService>().CreateAsync(access, TablesAppFactory.Admin, forum.Id, setup);
            return (forum, BallotItem.From(ballot));
        });
    }

    /// <summary>What the facilitator does at the console, through the same service, as a separate request would.</summary>
    private Task ConsoleAsync(Func<ForumConsole, Tables.Web.Features.Tables.TableAccess, Task> action) =>
        browser.App.InTableAsync("tilleuls", (sp, access) => action(sp.GetRequiredService<ForumConsole>(), access));
}
