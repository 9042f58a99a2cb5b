using Tables.Voting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tables.Web.Data;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;

namespace Tables.E2E;

/// <summary>
/// The closing view of the sample forum (an approval "6 of 9" and a majority judgment) on both projectors: one ballot per
/// screen, never a scrollbar, all six kept priorities marked, the facilitator's choice shown. Screens saved in
/// <c>screenshots/wall/</c> under the test output.
/// </summary>
public sealed class WallTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "screenshots", "wall");

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1280, 720)]
    public async Task The_sample_forum_s_results_fit_the_projector_one_ballot_per_screen(int width, int height)
    {
        var wall = await browser.NewPageAsync(width, height);
        var forumId = await browser.App.WithDbAsync(db => db.Forums.Where(f => f.Status == ForumStatus.Closed).Select(f => f.Id).FirstAsync());
        await PinAsync(forumId, null);
        await wall.GotoAsync($"{browser.BaseUrl}/forums/{forumId}/wall");

        // Both results are there, one shown at a time, turning by themselves; the approval marks all six kept options.
        await Assertions.Expect(wall.GetByTestId("wall-ballot")).ToHaveCountAsync(2);
        await Assertions.Expect(wall.Locator(".wall-page.is-current")).ToHaveCountAsync(1);
        var approval = wall.GetByTestId("wall-ballot").Filter(new() { HasText = "Quelles 6 priorités" });
        await Assertions.Expect(approval.Locator(".result-bars li.winner")).ToHaveCountAsync(6);
        await Assertions.Expect(approval.GetByTestId("kept-note")).ToHaveTextAsync("Les 6 options les plus appuyées sont retenues.");
        Directory.CreateDirectory(Folder);
        await wall.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"closing-{width}x{height}.png") });
        await Room.AssertFitsAsync(wall);

        // The facilitator puts the majority judgment on the wall: it says what separated the winner from the runner-up.
        var judgment = await PinAsync(forumId, VotingMethod.MajorityJudgment);
        var shown = wall.Locator(".wall-page.is-current");
        await Assertions.Expect(wall.GetByTestId("wall-ballot")).ToHaveCountAsync(1);
        await Assertions.Expect(shown.GetByTestId("mj-separation")).ToBeVisibleAsync();
        // The sample's two first places share the median "Bien" and the same 44 % below it: the sentence says so, and what decided.
        Assert.Matches("^Au parc des Tilleuls et Devant la bibliothèque ont la même mention médiane \\(Bien\\).*: \\w", await shown.GetByTestId("mj-separation").TextContentAsync());
        await Room.AssertFitsAsync(wall);
        await wall.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"majority-judgment-{width}x{height}.png") });
        await PinAsync(forumId, null);
        Assert.True(judgment > 0);
    }

    /// <summary>Shows the forum's ballot of <paramref name="method"/> on the wall (null: back to the closing view), as the console does.</summary>
    private async Task<int> PinAsync(int forumId, VotingMethod? method)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var access = (await sp.GetRequiredService<TableService>().EnterAsync(TablesAppFactory.Admin, "tilleuls"))!;
        var ballot = method is null ? null : (int?)await sp.GetRequiredService<TablesDbContext>().Ballots.Where(b => b.ForumId == forumId && b.Method == method).Select(b => b.Id).FirstAsync();
        await sp.GetRequiredService<ForumConsole>().ShowOnWallAsync(access, TablesAppFactory.Admin, forumId, ballot);
        return ballot ?? 0;
    }
}
