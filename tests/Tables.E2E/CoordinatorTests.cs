using Microsoft.Playwright;

namespace Tables.E2E;

public sealed class CoordinatorTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_coordinator_signs_in_creates_a_cycle_and_moves_it_to_the_next_phase()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(browser.BaseUrl, TablesAppFactory.Coordinator);
        await page.GotoAsync($"{browser.BaseUrl}/t/tilleuls/cycles/new");
        await page.WaitForInteractiveAsync();

        await page.GetByLabel("Titre").FillAsync("Plan de quartier 2029-2032");
        await page.GetByLabel("Début").FillAsync("2029-01-15");
        await page.GetByLabel("Fin").FillAsync("2032-12-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nouveau cycle" }).ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/t/tilleuls/cycles/\\d+$"));
        await page.WaitForInteractiveAsync();
        var current = page.Locator("[aria-current=step]");
        await Assertions.Expect(current).ToContainTextAsync("Portrait du quartier");

        await page.GetByRole(AriaRole.Button, new() { Name = "Phase suivante" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Consultation");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Changer de phase" }).ClickAsync();

        await Assertions.Expect(current).ToContainTextAsync("Consultation");
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(2);
        await page.ScreenshotAsync("cycle-after-move");
    }

    [Fact]
    public async Task A_field_error_shows_at_the_field_and_nothing_is_created()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(browser.BaseUrl, TablesAppFactory.Coordinator);
        await page.GotoAsync($"{browser.BaseUrl}/t/tilleuls/cycles/new");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Titre").FillAsync("Cycle à l'envers");
        await page.GetByLabel("Début").FillAsync("2030-01-15");
        await page.GetByLabel("Fin").FillAsync("2029-12-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nouveau cycle" }).ClickAsync();

        await Assertions.Expect(page.GetByText("La fin doit venir après le début.")).ToBeVisibleAsync();
        Assert.EndsWith("/cycles/new", page.Url);
        await page.ScreenshotAsync("cycle-validation");
    }
}
