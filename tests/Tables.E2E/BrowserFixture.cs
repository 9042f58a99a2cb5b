using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace Tables.E2E;

/// <summary>
/// The real app on a free 127.0.0.1 port (fresh database, sample loaded) and Debian's Chromium driven by Playwright.
/// Without Chromium the tests skip with the reason, except under CI=true where they fail: CI installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public KestrelApp App { get; } = new();
    public IBrowser? Browser { get; private set; }
    public string BaseUrl { get; private set; } = "";
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies); skips or fails the test when there is no browser.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string locale = "fr-CA")
    {
        if (Browser is null)
        {
            var reason = $"Chromium not found at {ChromiumPath} (apt-get install chromium)";
            Assert.False(InCi, reason + ": CI must have it.");
            Assert.Skip(reason);
        }
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = height }, Locale = locale });
        var page = await context.NewPageAsync();
        // Browser console errors go to the test output: a failing page says why.
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"[browser {message.Type}] {message.Text}");
            }
        };
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

public sealed class KestrelApp : TablesAppFactory;
