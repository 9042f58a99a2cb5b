using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;

namespace Tables.E2E;

/// <summary>
/// A forum as a room lives it, in one browser: the facilitator's console in French and in English (a laptop,
/// 1366×768), the projector wall at 1920×1080 and 1280×720, and two phones (320 and 390 px wide, touch).
/// <see cref="ShootAsync"/> saves every screen of a step as a PNG in <c>screenshots/room/</c> under the test output
/// (<c>tests/Tables.E2E/bin/Debug/net10.0/screenshots/room/NN-step-screen.png</c>), to be looked at.
/// </summary>
public sealed class Room : IAsyncDisposable
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(UserClaims.Administrator, "true")], "test"));
    private readonly BrowserFixture _browser;
    private readonly List<IBrowserContext> _contexts = [];
    private int _step;

    private Room(BrowserFixture browser) => _browser = browser;

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots", "room");

    public IPage Console { get; private set; } = default!;
    public IPage ConsoleEn { get; private set; } = default!;
    public IPage Wall { get; private set; } = default!;
    public IPage SmallWall { get; private set; } = default!;
    public IPage Phone320 { get; private set; } = default!;
    public IPage Phone390 { get; private set; } = default!;
    public IReadOnlyList<IPage> Phones => [Phone320, Phone390];
    public IReadOnlyList<IPage> Walls => [Wall, SmallWall];
    public Forum Forum { get; private set; } = default!;
    public string BaseUrl => _browser.BaseUrl;

    /// <summary>A new forum in draft (the sample table's current cycle, the full agenda), and every screen opened on it.</summary>
    public static async Task<Room> OpenAsync(BrowserFixture browser, string title)
    {
        if (browser.Browser is null)
        {
            await browser.NewPageAsync(); // skips (or fails under CI) with the reason
        }
        var room = new Room(browser);
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var access = (await sp.GetRequiredService<TableService>().EnterAsync(Admin, "tilleuls"))!;
            var cycle = (await sp.GetRequiredService<Tables.Web.Features.Cycles.CycleService>().ListAsync(access)).First().Id;
            room.Forum = await sp.GetRequiredService<ForumConsole>().CreateAsync(access, Admin, new ForumCreate
            {
                CycleId = cycle, Title = title, StartsAt = new DateTime(2027, 6, 12, 13, 30, 0), Place = "Salle paroissiale",
            });
        }
        var id = room.Forum.Id;
        room.Console = await room.StaffAsync(1366, 768, "fr-CA", $"/forums/{id}/console");
        room.ConsoleEn = await room.StaffAsync(1366, 768, "en-CA", $"/forums/{id}/console");
        room.Wall = await room.PageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "fr-CA" });
        room.SmallWall = await room.PageAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 }, Locale = "fr-CA" });
        foreach (var wall in room.Walls)
        {
            await wall.GotoAsync($"{browser.BaseUrl}/forums/{id}/wall");
            await wall.GetByTestId("wall").WaitForAsync();
        }
        room.Phone320 = await room.PhoneAsync(320, 640);
        room.Phone390 = await room.PhoneAsync(390, 844);
        return room;
    }

    private async Task<IPage> PageAsync(BrowserNewContextOptions options)
    {
        var context = await _browser.Browser!.NewContextAsync(options);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        var name = $"{options.ViewportSize?.Width}px";
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"[{name} {message.Type}] {message.Text}");
            }
        };
        page.SetDefaultTimeout(30_000);
        return page;
    }

    private async Task<IPage> StaffAsync(int width, int height, string culture, string path)
    {
        var page = await PageAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = culture });
        await page.SignInAsync(_browser.BaseUrl, TablesAppFactory.Facilitator);
        await page.GotoAsync($"{_browser.BaseUrl}/culture/{culture}?returnUrl={Uri.EscapeDataString(path)}");
        await page.WaitForInteractiveAsync();
        return page;
    }

    private Task<IPage> PhoneAsync(int width, int height) => PageAsync(new()
    {
        ViewportSize = new() { Width = width, Height = height }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2, Locale = "fr-CA",
    });

    /// <summary>Runs the story; when it fails, every screen is saved as it was ("failed") before the failure goes on.</summary>
    public async Task RecordingFailuresAsync(Func<Task> story)
    {
        try
        {
            await story();
        }
        catch
        {
            await ShootAsync("failed");
            throw;
        }
    }

    /// <summary>Does what the console would do, in a scope that entered the sample table (as a request would).</summary>
    public async Task InTableAsync(Func<IServiceProvider, TableAccess, Task> work)
    {
        await using var scope = _browser.App.Services.CreateAsyncScope();
        var access = (await scope.ServiceProvider.GetRequiredService<TableService>().EnterAsync(Admin, "tilleuls"))!;
        await work(scope.ServiceProvider, access);
    }

    /// <summary>The forum's ballot asked with this question, as stored.</summary>
    public Task<Ballot> WithBallotAsync(string question) =>
        _browser.App.WithDbAsync(db => db.Ballots.AsNoTracking().SingleAsync(b => b.ForumId == Forum.Id && b.Question == question));

    /// <summary>Saves every screen of this step: the walls as the projector shows them, the console and phones whole.</summary>
    public async Task ShootAsync(string step)
    {
        _step++;
        Directory.CreateDirectory(Folder);
        var prefix = Path.Combine(Folder, $"{_step:00}-{step}-");
        await Wall.ScreenshotAsync(new() { Path = prefix + "wall-1920x1080.png" });
        await SmallWall.ScreenshotAsync(new() { Path = prefix + "wall-1280x720.png" });
        await Console.ScreenshotAsync(new() { Path = prefix + "console-fr.png" });
        await ConsoleEn.ScreenshotAsync(new() { Path = prefix + "console-en.png" });
        await Phone320.ScreenshotAsync(new() { Path = prefix + "phone-320.png", FullPage = true });
        await Phone390.ScreenshotAsync(new() { Path = prefix + "phone-390.png", FullPage = true });
    }

    private const string FitProblems = """
        () => {
            const d = document.documentElement;
            const problems = [];
            if (d.scrollWidth > innerWidth || d.scrollHeight > innerHeight) problems.push(`page ${d.scrollWidth}x${d.scrollHeight} > ${innerWidth}x${innerHeight}`);
            const main = document.querySelector('.wall-main');
            if (main && main.scrollHeight > main.clientHeight + 1) problems.push(`main ${main.scrollHeight} > ${main.clientHeight}`);
            for (const c of document.querySelectorAll('[data-rotate=columns]')) if (c.scrollHeight > c.clientHeight + 1) problems.push(`ideas ${c.scrollHeight} > ${c.clientHeight}`);
            const page = document.querySelector('.wall-page.is-current') || document.querySelector('.wall-page');
            if (page && page.scrollHeight > page.parentElement.clientHeight + 1) problems.push(`ballot page ${page.scrollHeight} > ${page.parentElement.clientHeight}`);
            return problems.join('; ');
        }
        """;

    /// <summary>
    /// The wall fits its screen: no scrollbar, and the page it shows is not cut (ideas overflow into further pages,
    /// sideways). wall.js tightens a page at its next tick (every 0.5 s) after a live update: awaited, then checked.
    /// </summary>
    public static async Task AssertFitsAsync(IPage wall)
    {
        try
        {
            await wall.WaitForFunctionAsync($"() => ({FitProblems})() === ''", null, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
        }
        var fit = await wall.EvaluateAsync<string>(FitProblems);
        Assert.True(fit.Length == 0, $"wall {wall.ViewportSize?.Width}x{wall.ViewportSize?.Height}: {fit}");
    }

    /// <summary>The join QR code is at least a quarter of the screen's height.</summary>
    public static async Task AssertBigQrAsync(IPage wall)
    {
        var box = await wall.GetByTestId("wall-qr").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height >= wall.ViewportSize!.Height / 4.0, $"QR {box.Height} px high on a {wall.ViewportSize.Height} px screen");
    }

    /// <summary>Nothing on the phone pushes the page sideways.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage phone)
    {
        var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, innerWidth]");
        Assert.True(widths[0] <= widths[1], $"phone {widths[1]} px wide scrolls sideways to {widths[0]} px");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}
