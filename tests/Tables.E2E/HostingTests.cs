using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;

namespace Tables.E2E;

/// <summary>
/// Running for real, in Chromium: the pages under the app's Content-Security-Policy work as a person uses them and the
/// browser reports no violation (listened to on the console and as <c>securitypolicyviolation</c> events); the Blazor
/// reconnect dialog speaks the person's language.
/// </summary>
public sealed class HostingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(UserClaims.Administrator, "true")], "test"));

    private const string ListenForViolations = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample || ''}`));
        """;

    [Fact]
    public async Task Every_kind_of_page_works_under_the_policy_without_a_violation()
    {
        var (forumId, code) = await OpenForumAsync();
        var violations = new List<string>();

        // Home, sign-in (a static form), then the signed-in home after the redirect.
        var staff = await PageAsync(violations);
        var home = await staff.GotoAsync($"{browser.BaseUrl}/");
        AssertStrictPolicy(await home!.HeaderValueAsync("content-security-policy"));
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Tables publiques" })).ToBeVisibleAsync();
        await staff.SignInAsync(browser.BaseUrl, TablesAppFactory.Facilitator);
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
        await CollectAsync(staff, "/ and /account/login", violations);

        // A table page, then the forum console (interactive: a click goes through the Blazor circuit's WebSocket).
        await staff.GotoAsync($"{browser.BaseUrl}/t/tilleuls");
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Tilleuls");
        await CollectAsync(staff, "/t/tilleuls", violations);
        await staff.GotoAsync($"{browser.BaseUrl}/forums/{forumId}/console");
        await staff.WaitForInteractiveAsync();
        await Assertions.Expect(staff.GetByTestId("console-code")).ToHaveTextAsync(code);
        await staff.GetByRole(AriaRole.Tab, new() { Name = "Nouveau scrutin" }).ClickAsync();
        await staff.GetByTestId("ballot-question").FillAsync("Quel jour pour la fête?");
        await staff.GetByLabel("Options").FillAsync("Samedi\nDimanche\nLundi");
        await staff.GetByTestId("ballot-create").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("console-ballot")).ToHaveCountAsync(1);
        await CollectAsync(staff, "console", violations);

        // The wall (its QR code is an image) and a phone joining over SignalR.
        var wall = await PageAsync(violations, 1600, 900);
        await wall.GotoAsync($"{browser.BaseUrl}/forums/{forumId}/wall");
        await Assertions.Expect(wall.GetByTestId("wall-code")).ToHaveTextAsync(code);
        var qr = wall.Locator($"img[src*='/j/{code}/qr.svg']").First;
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR code did not load");
        var phone = await PageAsync(violations, 390, 800);
        await phone.GotoAsync($"{browser.BaseUrl}/j/{code}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Participer" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#me")).ToBeVisibleAsync();
        await Assertions.Expect(wall.GetByTestId("wall-participants")).ToHaveTextAsync("1");
        await CollectAsync(wall, "wall", violations);
        await CollectAsync(phone, "/j/{code}", violations);

        Assert.True(violations.Count == 0, "CSP violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task The_reconnect_dialog_speaks_the_persons_language()
    {
        foreach (var (culture, rejoining, retry) in new[] { ("fr-CA", "Reconnexion au serveur…", "Réessayer"), ("en-CA", "Rejoining the server…", "Retry") })
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync($"{browser.BaseUrl}/culture/{culture}?returnUrl=/t/tilleuls");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Tilleuls");
            // What Blazor does when the circuit's connection drops: the dialog's state class and event (ReconnectModal.razor.js).
            var dialog = page.Locator("#components-reconnect-modal");
            await dialog.EvaluateAsync("""
                d => {
                    d.classList.add('components-reconnect-show');
                    d.dispatchEvent(new CustomEvent('components-reconnect-state-changed', { detail: { state: 'show' } }));
                }
                """);
            await Assertions.Expect(dialog).ToBeVisibleAsync();
            await Assertions.Expect(dialog.Locator(".components-reconnect-first-attempt-visible")).ToHaveTextAsync(rejoining);
            await page.ScreenshotAsync($"reconnect-dialog-{culture}");
            await dialog.EvaluateAsync("d => d.classList.replace('components-reconnect-show', 'components-reconnect-failed')");
            await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = retry })).ToBeVisibleAsync();
            await page.Context.CloseAsync();
        }
    }

    private static void AssertStrictPolicy(string? policy)
    {
        Assert.NotNull(policy);
        var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Contains("'self'", directives["script-src"]);
        Assert.DoesNotContain("unsafe", directives["script-src"]);
        Assert.Equal("img-src 'self' data:", directives["img-src"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
        Assert.StartsWith("connect-src 'self'", directives["connect-src"]);
    }

    private async Task<IPage> PageAsync(List<string> violations, int width = 1280, int height = 900)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.Context.AddInitScriptAsync(ListenForViolations);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.StartsWith("Refused to", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add($"console: {message.Text}");
                }
            }
        };
        return page;
    }

    private static async Task CollectAsync(IPage page, string where, List<string> violations)
    {
        var reported = await page.EvaluateAsync<string[]>("() => window.__csp || []");
        lock (violations)
        {
            violations.AddRange(reported.Select(r => $"{where}: {r}"));
        }
    }

    /// <summary>A new open forum of the sample table.</summary>
    private async Task<(int Id, string Code)> OpenForumAsync()
    {
        if (browser.Browser is null)
        {
            await browser.NewPageAsync(); // skips (or fails under CI) with the reason
        }
        await using var scope = browser.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var access = (await sp.GetRequiredService<TableService>().EnterAsync(Admin, "tilleuls"))!;
        var cycle = await sp.GetRequiredService<TablesDbContext>().Cycles.Where(c => c.TableId == access.Table.Id).OrderByDescending(c => c.Start).FirstAsync();
        var console = sp.GetRequiredService<ForumConsole>();
        var forum = await console.CreateAsync(access, Admin, new ForumCreate { CycleId = cycle.Id, Title = "Forum sous CSP", StartsAt = DateTime.UtcNow });
        await console.OpenAsync(access, Admin, forum.Id);
        return (forum.Id, forum.JoinCode);
    }
}
