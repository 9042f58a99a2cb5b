using Microsoft.Playwright;

namespace Tables.E2E;

/// <summary>The plan's screens in Chromium (axe scans them with the others in AccessibilityTests): screenshots in French and
/// English for a partner and the coordination, and a partner reporting progress through the page.</summary>
public sealed class PlanScreensTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task Dashboard_and_timeline_in_each_language_for_a_partner_and_the_coordination(string culture)
    {
        foreach (var who in new[] { TablesAppFactory.Partner, TablesAppFactory.Coordinator })
        {
            var page = await browser.NewPageAsync();
            await page.SignInAsync(browser.BaseUrl, who);
            await page.GotoAsync($"{browser.BaseUrl}/culture/{culture}?returnUrl=/t/tilleuls/plan/dashboard");
            await page.WaitForInteractiveAsync();
            var heading = await page.Locator("h1").First.TextContentAsync();
            Assert.StartsWith(culture == "fr-CA" ? "Tableau de bord" : "Dashboard", heading);
            Assert.True(await page.Locator("[data-testid=late-list] li").CountAsync() > 0);
            await page.ScreenshotAsync($"dashboard-{culture}-{who.Split('@')[0]}");
            await page.GotoAsync($"{browser.BaseUrl}/t/tilleuls/plan/timeline");
            await page.Locator("svg.timeline-svg").WaitForAsync();
            await page.ScreenshotAsync($"timeline-{culture}-{who.Split('@')[0]}");
            await page.GotoAsync($"{browser.BaseUrl}/t/tilleuls/plan");
            await page.Locator("h1").First.WaitForAsync();
            await page.ScreenshotAsync($"plan-{culture}-{who.Split('@')[0]}");
        }
    }

    [Fact]
    public async Task A_partner_posts_a_journal_entry_that_moves_the_action_and_shows_at_once()
    {
        var (own, _, _) = await browser.App.SampleActionsAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(browser.BaseUrl, TablesAppFactory.Partner);
        await page.GotoAsync($"{browser.BaseUrl}/t/tilleuls/plan/actions/{own}");
        await page.WaitForInteractiveAsync();

        await page.FillAsync("[data-testid=journal-text] textarea, textarea[data-testid=journal-text]", "Deux cents paniers distribués ce mois-ci.");
        await page.FillAsync("[data-testid=journal-progress] input, input[data-testid=journal-progress]", "85");
        await page.ClickAsync("[data-testid=journal-post]");

        await page.Locator(".journal li", new() { HasText = "Deux cents paniers" }).WaitForAsync();
        Assert.Contains("85", await page.Locator(".action-bar .meter-value").First.TextContentAsync());
        var stored = await browser.App.WithDbAsync(db => Task.FromResult(db.Actions.Single(a => a.Id == own).Progress));
        Assert.Equal(85, stored);
        await page.ScreenshotAsync("partner-posted");
    }
}
