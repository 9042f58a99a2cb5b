using Microsoft.Playwright;

namespace Tables.E2E;

/// <summary>What a person does on the pages, in the words of the French UI.</summary>
public static class Pages
{
    public static async Task SignInAsync(this IPage page, string baseUrl, string email, string password = TablesAppFactory.DemoPassword)
    {
        await page.GotoAsync($"{baseUrl}/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"{baseUrl}/");
    }

    /// <summary>Blazor drops clicks made before the circuit is live: interactive pages set data-ready once it is.</summary>
    public static async Task WaitForInteractiveAsync(this IPage page)
    {
        try
        {
            await page.Locator("[data-ready=true]").First.WaitForAsync();
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync("not-interactive");
            TestContext.Current.TestOutputHelper?.WriteLine(await page.ContentAsync());
            throw;
        }
    }

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }
}
