using Microsoft.Playwright;

namespace Tables.E2E;

/// <summary>A facilitator runs a forum from the console while the projector wall follows live.</summary>
public sealed class ForumScreensTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_facilitator_creates_a_forum_runs_a_ballot_with_a_paper_entry_and_the_wall_follows()
    {
        var console = await browser.NewPageAsync();
        await console.SignInAsync(browser.BaseUrl, TablesAppFactory.Facilitator);
        await console.GotoAsync($"{browser.BaseUrl}/t/tilleuls/forums");
        await console.WaitForInteractiveAsync();
        await console.GetByLabel("Titre", new() { Exact = true }).FillAsync("Forum de l'automne");
        await console.GetByLabel("Date et heure").FillAsync("2026-11-26T19:00");
        await console.GetByLabel("Lieu").FillAsync("Salle paroissiale");
        // This evening has no clustering step and opens with its own words.
        await console.GetByLabel("Regroupement des idées", new() { Exact = true }).UncheckAsync();
        await console.GetByTestId("agenda-title-Welcome").FillAsync("Mot de bienvenue");
        await console.GetByRole(AriaRole.Button, new() { Name = "Créer un forum" }).ClickAsync();

        try
        {
            await console.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/forums/\\d+/console$"));
        }
        catch (TimeoutException)
        {
            await console.ScreenshotAsync("forum-create-failed");
            throw;
        }
        await console.WaitForInteractiveAsync();
        var forumUrl = console.Url.Replace("/console", "");
        await Assertions.Expect(console.Locator(".agenda li")).ToHaveCountAsync(5);
        await Assertions.Expect(console.Locator(".agenda li").First).ToContainTextAsync("Mot de bienvenue");
        await console.GetByTestId("forum-open").ClickAsync();
        await Assertions.Expect(console.GetByTestId("forum-status")).ToContainTextAsync("Ouvert");
        var code = (await console.GetByTestId("console-code").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Z0-9]{6}$", code);

        // The wall on the projector, in its own browser context (not signed in: the sample table is public).
        var wall = await browser.NewPageAsync(1600, 900);
        await wall.GotoAsync(forumUrl + "/wall");
        await Assertions.Expect(wall.GetByTestId("wall-code")).ToHaveTextAsync(code);

        await console.GetByRole(AriaRole.Tab, new() { Name = "Nouveau scrutin" }).ClickAsync();
        await console.GetByTestId("ballot-question").FillAsync("Quel projet pour la ruelle?");
        await console.GetByLabel("Options").FillAsync("Ruelle verte\nJeux d'eau\nMarché du samedi");
        await console.GetByTestId("ballot-create").ClickAsync();
        await Assertions.Expect(console.GetByTestId("console-ballot")).ToHaveCountAsync(1);
        await console.GetByTestId("ballot-open").ClickAsync();
        await Assertions.Expect(wall.GetByRole(AriaRole.Heading, new() { Name = "Quel projet pour la ruelle?" })).ToBeVisibleAsync();

        // A paper ballot typed at the console counts like the others.
        await console.GetByText("Saisie d'un bulletin papier").First.ClickAsync();
        var paper = console.GetByTestId("paper-form");
        await paper.GetByLabel("A — Ruelle verte").CheckAsync();
        await paper.GetByLabel("C — Marché du samedi").CheckAsync();
        await paper.GetByTestId("paper-submit").ClickAsync();
        await Assertions.Expect(console.GetByText("Bulletin papier enregistré.")).ToBeVisibleAsync();
        await Assertions.Expect(wall.GetByTestId("wall-cast")).ToHaveTextAsync("1");

        await console.GetByTestId("ballot-close").ClickAsync();
        await console.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Fermer le scrutin" }).ClickAsync();
        await Assertions.Expect(console.GetByText("Scrutin fermé\u00a0: le résultat est enregistré.")).ToBeVisibleAsync();

        // Results are shown after close: on the wall with the explanation, and exports appear in the console.
        var bars = wall.GetByTestId("result-bars").Locator("li");
        await Assertions.Expect(bars).ToHaveCountAsync(3);
        await Assertions.Expect(wall.GetByTestId("seed")).ToContainTextAsync("graine publiée");
        await Assertions.Expect(console.GetByRole(AriaRole.Link, new() { Name = "ABIF" })).ToBeVisibleAsync();
        await wall.ScreenshotAsync("wall-after-close");
        await console.ScreenshotAsync("console-after-close");
    }
}
