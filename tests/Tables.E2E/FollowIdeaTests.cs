using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Mail;

namespace Tables.E2E;

/// <summary>
/// "Follow my idea" on the phone (#15): a resident proposes an idea, then leaves an address with consent under it. The
/// consent is required (the server says so), the confirmation goes out, and the address is shown nowhere: not on the
/// phone once sent, not to the coordination on the idea's page.
/// </summary>
public sealed class FollowIdeaTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(320)]
    [InlineData(390)]
    public async Task A_resident_follows_their_idea_from_the_phone_with_consent_and_the_address_is_shown_to_no_one(int width)
    {
        var forum = await IdeasForumAsync();
        var address = $"residente-{width}@example.org";
        var phone = await browser.NewPageAsync(width, 800);
        await phone.GotoAsync($"{browser.BaseUrl}/j/{forum.JoinCode}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Participer" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#idea-form")).ToBeVisibleAsync();
        await phone.FillAsync("#idea-text", $"Un jardin communautaire derrière l'école ({width})");
        await phone.ClickAsync("#idea-submit");
        await Assertions.Expect(phone.Locator("#my-ideas li")).ToHaveCountAsync(1);

        var follow = phone.Locator("#follow-form");
        await Assertions.Expect(follow).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#follow-idea option")).ToHaveCountAsync(1);
        await phone.FillAsync("#follow-email", address);
        await phone.ClickAsync("#follow-submit");
        await Assertions.Expect(phone.Locator("#follow-error")).ToContainTextAsync("Cochez la case");
        Assert.Empty(Sent(address));

        await phone.CheckAsync("#follow-consent");
        await phone.ClickAsync("#follow-submit");
        await Assertions.Expect(phone.Locator("#follow-status")).ToContainTextAsync("C'est noté");
        await Assertions.Expect(phone.Locator("#follow-email")).ToHaveValueAsync("");
        Assert.DoesNotContain(address, await phone.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        var sent = Assert.Single(Sent(address));
        Assert.Equal("Vous suivez votre idée", sent.Subject);
        await phone.ScreenshotAsync($"phone-follow-idea-{width}");
        var axe = await phone.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));

        var idea = await browser.App.WithDbAsync(db => Task.FromResult(db.Ideas.Single(i => i.ForumId == forum.Id).Id));
        var coordinator = await browser.NewPageAsync();
        await coordinator.SignInAsync(browser.BaseUrl, TablesAppFactory.Coordinator);
        await coordinator.GotoAsync($"{browser.BaseUrl}/t/tilleuls/plan/ideas/{idea}");
        await coordinator.Locator("h1").First.WaitForAsync();
        Assert.DoesNotContain(address, await coordinator.ContentAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private IReadOnlyList<MailFolder.Entry> Sent(string address) =>
        browser.App.Services.GetRequiredService<MailFolder>().List().Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>An open forum of the sample table whose agenda is at the ideas.</summary>
    private async Task<Forum> IdeasForumAsync()
    {
        if (browser.Browser is null)
        {
            await browser.NewPageAsync(); // skips (or fails under CI) with the reason
        }
        return await browser.App.InTableAsync("tilleuls", async (sp, access) =>
        {
            var cycle = await sp.GetRequiredService<CycleService>().ListAsync(access);
            var console = sp.GetRequiredService<ForumConsole>();
            var forum = await console.CreateAsync(access, TablesAppFactory.Admin, new ForumCreate { CycleId = cycle[0].Id, Title = "Forum des idées", StartsAt = DateTime.UtcNow });
            await console.OpenAsync(access, TablesAppFactory.Admin, forum.Id);
            await console.SetActivityAsync(access, TablesAppFactory.Admin, forum.Id, forum.Activities.Single(a => a.Kind == ActivityKind.Ideas).Id);
            return forum;
        });
    }
}
