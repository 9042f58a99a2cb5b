using System.Security.Claims;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Portrait;
using Tables.Web.Features.Tables;

namespace Tables.E2E;

/// <summary>The forum's portrait step: a resident's phone sends a testimony, the console sees it at once and accepts it into the portrait.</summary>
public sealed class PortraitForumTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(UserClaims.Administrator, "true")], "test"));

    /// <summary>A new open forum of the sample table's current cycle, in its portrait step.</summary>
    private async Task<(int Id, string Code, int CycleId)> OpenForumInPortraitStepAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var access = (await sp.GetRequiredService<TableService>().EnterAsync(Admin, "tilleuls"))!;
        var db = sp.GetRequiredService<TablesDbContext>();
        var cycle = await db.Cycles.Where(c => c.TableId == access.Table.Id).OrderByDescending(c => c.Start).FirstAsync();
        var console = sp.GetRequiredService<ForumConsole>();
        var forum = await console.CreateAsync(access, Admin, new ForumCreate { CycleId = cycle.Id, Title = "Forum du portrait", StartsAt = DateTime.UtcNow, Place = "Bibliothèque" });
        await console.OpenAsync(access, Admin, forum.Id);
        await console.SetActivityAsync(access, Admin, forum.Id, forum.Activities.First(a => a.Kind == ActivityKind.Portrait).Id);
        return (forum.Id, forum.JoinCode, cycle.Id);
    }

    [Fact]
    public async Task A_phone_sends_a_testimony_in_the_portrait_step_and_the_console_accepts_it_into_the_portrait()
    {
        var console = await browser.NewPageAsync(1400, 1000);
        var (forumId, code, cycleId) = await OpenForumInPortraitStepAsync();
        await console.SignInAsync(browser.BaseUrl, TablesAppFactory.Facilitator);
        await console.GotoAsync($"{browser.BaseUrl}/forums/{forumId}/console");
        await console.WaitForInteractiveAsync();
        var panel = console.GetByTestId("console-testimonies");
        await Assertions.Expect(panel).ToContainTextAsync("Aucun témoignage reçu");

        var phone = await browser.NewPageAsync(320, 640);
        await phone.GotoAsync($"{browser.BaseUrl}/j/{code}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Participer" }).ClickAsync();
        var form = phone.GetByTestId("phone-testimony");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await form.GetByLabel("Thème").SelectOptionAsync("Sécurité alimentaire");
        await form.GetByLabel("Votre témoignage").FillAsync("À la fin du mois, je saute des repas pour que mes enfants mangent.");
        var axe = await phone.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
        await phone.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "portrait-phone-320-testimony.png"), FullPage = true });
        await form.GetByRole(AriaRole.Button, new() { Name = "Envoyer le témoignage" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#testimony-status")).ToHaveTextAsync("Merci\u00a0: votre témoignage est reçu.");
        await Assertions.Expect(phone.Locator("#my-testimonies")).ToContainTextAsync("Sécurité alimentaire");

        // The console sees it at once (the portrait's live topic), anonymous, waiting for moderation.
        var item = panel.Locator("li[data-status=Pending]");
        await Assertions.Expect(item).ToContainTextAsync("je saute des repas");
        await Assertions.Expect(item).ToContainTextAsync("anonyme");
        await panel.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "portrait-console-testimony.png") });
        await item.GetByTestId("testimony-accept").ClickAsync();
        await Assertions.Expect(panel.Locator("li[data-status=Accepted]")).ToContainTextAsync("Dans le portrait");

        // Accepted: in the portrait as residents' lived experience, brought by the forum.
        var status = await browser.App.WithDbAsync(db => db.Testimonies.IgnoreQueryFilters()
            .Where(t => t.ForumId == forumId).Select(t => new { t.Status, t.BroughtBy }).SingleAsync());
        Assert.Equal((TestimonyStatus.Accepted, "Forum du portrait"), (status.Status, status.BroughtBy));
        await console.GotoAsync($"{browser.BaseUrl}/t/tilleuls/cycles/{cycleId}/portrait");
        await Assertions.Expect(console.Locator("section.portrait-theme[data-theme='Sécurité alimentaire']")).ToContainTextAsync("je saute des repas");
    }
}
