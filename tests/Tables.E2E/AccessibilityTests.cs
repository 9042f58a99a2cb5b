using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tables.E2E;

/// <summary>axe-core on every screen: no serious or critical violation.</summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string?> Screens => new()
    {
        { "/", null },
        { "/account/login", null },
        { "/account/forgot-password", null },
        { "/t/tilleuls", null },
        { "/", TablesAppFactory.Coordinator },
        { "/t/tilleuls", TablesAppFactory.Coordinator },
        { "/t/tilleuls/edit", TablesAppFactory.Coordinator },
        { "/t/tilleuls/organisations", TablesAppFactory.Coordinator },
        { "/t/tilleuls/members", TablesAppFactory.Coordinator },
        { "/t/tilleuls/cycles/new", TablesAppFactory.Coordinator },
        { "/t/tilleuls/cycles/2", TablesAppFactory.Coordinator },
        { "/tables/new", TablesAppFactory.Administrator },
        { "/t/tilleuls/forums", null },
        { "/t/tilleuls/forums", TablesAppFactory.Facilitator },
        { "/forums/1/wall", null },
        { "/forums/1/console", TablesAppFactory.Facilitator },
        { "/t/tilleuls/cycles/2/portrait", null },
        { "/t/tilleuls/cycles/2/portrait", TablesAppFactory.Partner },
        { "/t/tilleuls/cycles/2/portrait", TablesAppFactory.Facilitator },
        { "/t/tilleuls/cycles/2/portrait/import", TablesAppFactory.Partner },
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
    public async Task Screen_has_no_serious_or_critical_violation(string path, string? signedInAs)
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
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        await page.ScreenshotAsync(((signedInAs is null ? "anon" : signedInAs.Split('@')[0]) + path.Replace('/', '_')).TrimEnd('_'));
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
