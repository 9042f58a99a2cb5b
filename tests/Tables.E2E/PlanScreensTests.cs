using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tables.E2E;

/// <summary>The plan's screens in Chromium: axe on each (as the public, a partner and the coordination), screenshots in French
/// and English, and a partner reporting progress through the page.</summary>
public sealed class PlanScreensTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string?> Screens => new()
    {
        { "/t/tilleuls/plan", null },
        { "/t/tilleuls/plan/public", null },
        { "/t/tilleuls/plan/timeline", null },
        { "/t/tilleuls/plan/ideas/9", null },
        { "/t/tilleuls/plan/actions/6", null },
        { "/t/tilleuls/plan", TablesAppFactory.Coordinator },
        { "/t/tilleuls/plan/dashboard", TablesAppFactory.Coordinator },
        { "/t/tilleuls/plan/actions/6", TablesAppFactory.Coordinator },
        { "/t/tilleuls/plan/actions/6/edit", TablesAppFactory.Coordinator },
        { "/t/tilleuls/plan/dashboard", TablesAppFactory.Partner },
        { "/t/tilleuls/plan/actions/6", TablesAppFactory.Partner },
        { "/t/tilleuls/plan/digest", TablesAppFactory.Partner },
        { "/follow/inconnu", null },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Plan_screen_has_no_serious_or_critical_violation(string path, string? signedInAs)
    {
        var page = await browser.NewPageAsync();
        if (signedInAs is not null)
        {
            await page.SignInAsync(browser.BaseUrl, signedInAs);
        }
        await page.GotoAsync(browser.BaseUrl + path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("h1").First.WaitForAsync();

        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        await page.ScreenshotAsync("plan-" + ((signedInAs is null ? "anon" : signedInAs.Split('@')[0]) + path.Replace('/', '_')).TrimEnd('_'));
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

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
