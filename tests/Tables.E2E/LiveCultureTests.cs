using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tables.Web.Features.Forums;

namespace Tables.E2E;

/// <summary>Live updates render in the viewer's language, not the server's (#11: the console changed language mid-forum).</summary>
public sealed class LiveCultureTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_English_console_stays_English_when_a_phone_joins()
    {
        var console = await browser.NewPageAsync(locale: "en-CA");
        var forum = await NewForumAsync("Spring forum", open: true);
        await console.SignInAsync(browser.BaseUrl, TablesAppFactory.Facilitator);
        // The facilitator chose English (the language menu's link): the cookie the circuit starts with.
        await console.GotoAsync($"{browser.BaseUrl}/culture/en-CA?returnUrl=/forums/{forum.Id}/console");
        await console.WaitForInteractiveAsync();
        await Assertions.Expect(console.GetByTestId("console-participants")).ToHaveTextAsync("0 participants");

        await using var phone = ForumHubClient.Connect(new Uri(browser.BaseUrl));
        await phone.StartAsync(TestContext.Current.CancellationToken);
        await phone.JoinAsync(new JoinRequest(forum.JoinCode, null, null, null), TestContext.Current.CancellationToken);

        // The count arrives through a live update: still English ("participant·es" would be the French text).
        await Assertions.Expect(console.GetByTestId("console-participants")).ToHaveTextAsync("1 participants", new() { Timeout = 2000 });
        await Assertions.Expect(console.GetByRole(AriaRole.Heading, new() { Name = "Agenda" })).ToBeVisibleAsync();
        await console.ScreenshotAsync("console-en-after-join");
    }

    [Fact]
    public async Task French_dates_stay_French_after_the_forum_opens()
    {
        var console = await browser.NewPageAsync(locale: "fr-CA");
        var forum = await NewForumAsync("Forum du printemps", open: false);
        await console.SignInAsync(browser.BaseUrl, TablesAppFactory.Facilitator);
        await console.GotoAsync($"{browser.BaseUrl}/forums/{forum.Id}/console");
        await console.WaitForInteractiveAsync();
        var subtitle = console.Locator(".console-head h1 + *");
        await Assertions.Expect(subtitle).ToContainTextAsync("juin");

        await console.GetByTestId("forum-open").ClickAsync();
        await Assertions.Expect(console.GetByTestId("forum-status")).ToContainTextAsync("Ouvert", new() { Timeout = 2000 });
        // Re-drawn by the live update of the forum: still "samedi 12 juin 2027", never "Saturday, June 12, 2027".
        await Assertions.Expect(subtitle).ToContainTextAsync("samedi 12 juin 2027");
        await Assertions.Expect(subtitle).Not.ToContainTextAsync("June");
        await console.ScreenshotAsync("console-fr-after-open");
    }

    private async Task<Forum> NewForumAsync(string title, bool open)
    {
        if (browser.Browser is null)
        {
            await browser.NewPageAsync();
        }
        return await browser.App.InTableAsync("tilleuls", async (sp, access) =>
        {
            var cycles = await sp.GetRequiredService<Tables.Web.Features.Cycles.CycleService>().ListAsync(access);
            var console = sp.GetRequiredService<ForumConsole>();
            var forum = await console.CreateAsync(access, TablesAppFactory.Admin, new ForumCreate
            {
                CycleId = cycles[0].Id, Title = title, StartsAt = new DateTime(2027, 6, 12, 13, 30, 0), Place = "Salle paroissiale",
            });
            if (open)
            {
                await console.OpenAsync(access, TablesAppFactory.Admin, forum.Id);
            }
            return forum;
        });
    }
}
