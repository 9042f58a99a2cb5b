using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tables.E2E;

/// <summary>The portrait as partners use it: adding an indicator, a save refused over someone else's change and merged, the CSV import.</summary>
public sealed partial class PortraitTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<string> PortraitUrlAsync() => $"{browser.BaseUrl}/t/tilleuls/cycles/{(await browser.App.CurrentPortraitAsync()).CycleId}/portrait";

    private static ILocator Theme(IPage page, string theme) => page.Locator($"section.portrait-theme[data-theme='{theme}']");

    private async Task<IPage> OpenAsync(string email, string? culture = null)
    {
        var page = await browser.NewPageAsync(1280, 1000);
        await page.SignInAsync(browser.BaseUrl, email);
        if (culture is not null)
        {
            await page.GotoAsync($"{browser.BaseUrl}/culture/{culture}?returnUrl=/");
        }
        await page.GotoAsync(await PortraitUrlAsync());
        await page.WaitForInteractiveAsync();
        return page;
    }

    private static async Task ChooseAsync(IPage page, ILocator scope, string label, string option)
    {
        await scope.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>A screenshot of one part of the page (the portrait is long): to look at as a partner would.</summary>
    private static async Task ShotAsync(ILocator part, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(directory, name + ".png") });
    }

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(serious.Count == 0, name + "\n" + string.Join("\n", serious));
    }

    [Fact]
    public async Task A_partner_adds_an_indicator_and_sees_it_in_the_table_the_chart_and_what_each_kind_of_knowledge_says()
    {
        var page = await OpenAsync(TablesAppFactory.Partner);
        var transport = Theme(page, "Transport et mobilité");
        await Assertions.Expect(transport.Locator("[data-kind=Field] [data-testid=knowledge-gap]")).ToBeVisibleAsync();

        await transport.GetByTestId("add-indicator").ClickAsync();
        var editor = transport.GetByTestId("item-editor");
        await editor.GetByLabel("Indicateur", new() { Exact = true }).FillAsync("Trajets à pied vers l'école");
        await editor.GetByLabel("Valeur", new() { Exact = true }).FillAsync("42,5");
        await editor.GetByLabel("Unité").FillAsync("%");
        await editor.GetByLabel("Année").FillAsync("2025");
        await editor.GetByLabel("Source").FillAsync("Comptage des brigadiers (fictif)");
        await editor.GetByLabel("Territoire de comparaison").FillAsync("Montréal");
        await editor.GetByLabel("Valeur de comparaison").FillAsync("30");
        await ChooseAsync(page, editor, "Type de savoir", "Savoir de terrain");
        await ShotAsync(transport, "portrait-partner-adding");
        await AssertAccessibleAsync(page, "editor");
        await editor.GetByTestId("item-save").ClickAsync();

        var row = transport.Locator("table.indicators tr[data-label=\"Trajets à pied vers l'école\"]");
        await Assertions.Expect(row).ToContainTextAsync("42,5");
        await Assertions.Expect(row).ToContainTextAsync("Montréal");
        await Assertions.Expect(row).ToContainTextAsync("Cuisine collective Le Chaudron");
        await Assertions.Expect(transport.Locator("[data-testid=comparison-chart] g[data-label=\"Trajets à pied vers l'école\"]")).ToHaveCountAsync(1);
        // Field knowledge is no longer missing on transport.
        await Assertions.Expect(transport.Locator("[data-kind=Field] [data-testid=knowledge-gap]")).ToHaveCountAsync(0);
        await Assertions.Expect(transport.Locator("[data-kind=Field]")).ToContainTextAsync("Trajets à pied vers l'école");
        await ShotAsync(transport, "portrait-partner-fr-transport");
        await ShotAsync(page.Locator(".portrait-head"), "portrait-partner-fr-head");
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_shows_both_versions_and_the_merge_keeps_both_changes()
    {
        var partner = await OpenAsync(TablesAppFactory.Partner);
        var coordinator = await OpenAsync(TablesAppFactory.Coordinator);
        const string label = "Passage de l'autobus 45 à l'heure de pointe";
        ILocator Edit(IPage page) => Theme(page, "Transport et mobilité").Locator($"tr[data-label=\"{label}\"]").GetByTestId("edit-indicator");

        // Both open the same indicator; the coordinator saves a new source first.
        await Edit(partner).ClickAsync();
        await Edit(coordinator).ClickAsync();
        await coordinator.GetByTestId("item-editor").GetByLabel("Source").FillAsync("Horaire d'automne 2025 (fictif)");
        await coordinator.GetByTestId("item-save").ClickAsync();
        try
        {
            await Assertions.Expect(coordinator.GetByTestId("item-editor")).ToHaveCountAsync(0);
        }
        catch (PlaywrightException)
        {
            await ShotAsync(Theme(coordinator, "Transport et mobilité"), "portrait-conflict-coordinator-failed");
            throw;
        }

        // The partner's save of another field is refused: both versions are shown.
        await partner.GetByTestId("item-editor").GetByLabel("Valeur", new() { Exact = true }).FillAsync("15");
        await partner.GetByTestId("item-save").ClickAsync();
        var conflict = partner.GetByTestId("conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("Horaire d'automne 2025 (fictif)");
        await Assertions.Expect(conflict.Locator("tr[data-field=Value]")).ToContainTextAsync("15");
        await Assertions.Expect(conflict.Locator("tr[data-field=Source] [data-testid=keep-theirs]")).ToBeCheckedAsync();
        await ShotAsync(conflict, "portrait-conflict");
        await AssertAccessibleAsync(partner, "conflict");

        await conflict.GetByTestId("conflict-save").ClickAsync();
        var row = Theme(partner, "Transport et mobilité").Locator($"tr[data-label=\"{label}\"]");
        await Assertions.Expect(row).ToContainTextAsync("15");
        await Assertions.Expect(row).ToContainTextAsync("Horaire d'automne 2025 (fictif)");
    }

    [Fact]
    public async Task Two_partners_edit_the_same_theme_and_each_sees_the_others_saved_change_without_reloading()
    {
        var partner = await OpenAsync(TablesAppFactory.Partner);
        var coordinator = await OpenAsync(TablesAppFactory.Coordinator);
        const string existing = "Taux de récupération des matières résiduelles";
        const string added = "Composteurs communautaires";

        // The partner starts adding an indicator to the environment theme…
        var partnerTheme = Theme(partner, "Environnement");
        await partnerTheme.GetByTestId("add-indicator").ClickAsync();
        var editor = partnerTheme.GetByTestId("item-editor");
        await editor.GetByLabel("Indicateur", new() { Exact = true }).FillAsync(added);
        await editor.GetByLabel("Valeur", new() { Exact = true }).FillAsync("12");

        // …while the coordinator changes another indicator of the same theme and saves.
        var coordinatorTheme = Theme(coordinator, "Environnement");
        await coordinatorTheme.Locator($"tr[data-label=\"{existing}\"]").GetByTestId("edit-indicator").ClickAsync();
        await coordinatorTheme.GetByTestId("item-editor").GetByLabel("Source").FillAsync("Bilan de l'écoquartier 2025 (fictif)");
        await coordinatorTheme.GetByTestId("item-save").ClickAsync();

        // The partner sees it at once, without reloading, and what they were typing is still there.
        await Assertions.Expect(partnerTheme.Locator($"tr[data-label=\"{existing}\"]")).ToContainTextAsync("Bilan de l'écoquartier 2025 (fictif)");
        await Assertions.Expect(editor.GetByLabel("Indicateur", new() { Exact = true })).ToHaveValueAsync(added);
        await ShotAsync(partnerTheme, "portrait-live-partner-editing");

        await editor.GetByLabel("Unité").FillAsync("composteurs");
        await editor.GetByLabel("Année").FillAsync("2025");
        await editor.GetByLabel("Source").FillAsync("Écoquartier (fictif)");
        await ChooseAsync(partner, editor, "Type de savoir", "Savoir de terrain");
        await editor.GetByTestId("item-save").ClickAsync();

        // And the coordinator sees the partner's new indicator appear.
        await Assertions.Expect(coordinatorTheme.Locator($"tr[data-label=\"{added}\"]")).ToContainTextAsync("12");
        await Assertions.Expect(coordinatorTheme.Locator($"tr[data-label=\"{added}\"]")).ToContainTextAsync("Cuisine collective Le Chaudron");
        await ShotAsync(coordinatorTheme, "portrait-live-coordinator-sees");
    }

    [Fact]
    public async Task A_partner_imports_a_file_sees_what_will_change_and_applies_it()
    {
        var page = await OpenAsync(TablesAppFactory.Partner);
        await page.GetByTestId("portrait-import").ClickAsync();
        await page.WaitForURLAsync(new Regex("/portrait/import$"));
        await page.WaitForInteractiveAsync();
        var file = Path.Combine(Path.GetTempPath(), $"indicateurs-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "theme;libelle;valeur;unite;annee;source;territoire_comparaison;valeur_comparaison;note;savoir;apporte_par\n"
            + "Santé;Personnes sans médecin de famille;36;%;2023;CIUSSS du Centre-Fictif (fictif);Montréal;27;Mise à jour;académique;CIUSSS du Centre-Fictif\n"
            + "Santé;Pharmacies;3;pharmacies;2025;Répertoire (fictif);;;;terrain;CIUSSS du Centre-Fictif\n", TestContext.Current.CancellationToken);

        await page.GetByTestId("import-file").SetInputFilesAsync(file);

        await Assertions.Expect(page.GetByTestId("import-summary")).ToContainTextAsync("Indicateurs à ajouter\u00a0: 1, à modifier\u00a0: 1");
        await Assertions.Expect(page.GetByTestId("import-updates")).ToContainTextAsync("34");
        await Assertions.Expect(page.GetByTestId("import-updates")).ToContainTextAsync("36");
        await page.ScreenshotAsync("portrait-import-preview");
        await AssertAccessibleAsync(page, "import preview");
        await page.GetByTestId("import-apply").ClickAsync();

        await page.WaitForURLAsync(new Regex("/portrait$"));
        var health = Theme(page, "Santé");
        await Assertions.Expect(health.Locator("tr[data-label=Pharmacies]")).ToContainTextAsync("3");
        await Assertions.Expect(health.Locator("tr[data-label='Personnes sans médecin de famille']")).ToContainTextAsync("36");
    }

    [Fact]
    public async Task A_bad_file_shows_every_error_with_its_line_and_column_and_offers_nothing_to_apply()
    {
        var page = await OpenAsync(TablesAppFactory.Partner, "en-CA");
        await page.GotoAsync((await PortraitUrlAsync()) + "/import");
        await page.WaitForInteractiveAsync();
        var file = Path.Combine(Path.GetTempPath(), $"indicators-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "theme,label,value,year,source,knowledge,brought_by\nHabitation,Rent,twelve,2021,Census,academic,Committee\nSport,Fields,3,2021,City,political,Borough\n", TestContext.Current.CancellationToken);

        await page.GetByTestId("import-file").SetInputFilesAsync(file);

        var errors = page.GetByTestId("import-errors");
        await Assertions.Expect(errors.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(errors.Locator("tbody tr").First).ToContainTextAsync("3 (value)");
        await Assertions.Expect(errors).ToContainTextAsync("“twelve” is not a number");
        await Assertions.Expect(errors.Locator("tbody tr").Nth(1)).ToContainTextAsync("1 (theme)");
        await Assertions.Expect(page.GetByTestId("import-apply")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("portrait-import-errors-en");
    }

    [Fact]
    public async Task The_portrait_reads_in_english_and_the_public_sees_it_without_editing()
    {
        var page = await OpenAsync(TablesAppFactory.Partner, "en-CA");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Neighbourhood portrait");
        await Assertions.Expect(Theme(page, "Transport et mobilité")).ToContainTextAsync("No lived experience yet on Transport et mobilité");
        await ShotAsync(Theme(page, "Habitation"), "portrait-partner-en-housing");

        var visitor = await browser.NewPageAsync(390, 844);
        await visitor.GotoAsync(await PortraitUrlAsync());
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Portrait du quartier");
        await Assertions.Expect(visitor.GetByTestId("add-indicator")).ToHaveCountAsync(0);
        await Assertions.Expect(visitor.Locator("[data-testid=knowledge-overview]")).ToBeVisibleAsync();
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "portrait-public-390-top.png") });
        await ShotAsync(Theme(visitor, "Transport et mobilité"), "portrait-public-390-transport");
        await AssertAccessibleAsync(visitor, "public page at 390 px");
    }

    [Fact]
    public async Task A_facilitator_types_a_testimony_and_moderates_one_sent_from_a_forum()
    {
        var page = await OpenAsync(TablesAppFactory.Facilitator);
        var school = Theme(page, "Réussite éducative");
        var pending = school.GetByTestId("testimony-pending");
        await Assertions.Expect(pending).ToContainTextAsync("aide aux devoirs");
        await ShotAsync(school.Locator(".testimony-pending"), "portrait-facilitator-pending");
        await pending.GetByTestId("testimony-accept").ClickAsync();
        await Assertions.Expect(school.Locator(".testimonies")).ToContainTextAsync("aide aux devoirs");

        // Not the transport theme: another test of this class reads that it has no lived experience yet.
        var transport = Theme(page, "Vie communautaire");
        await transport.GetByTestId("add-testimony").ClickAsync();
        var editor = transport.GetByTestId("item-editor");
        await editor.GetByLabel("Témoignage").FillAsync("Le soir, j'attends l'autobus 45 pendant vingt minutes.");
        await editor.GetByTestId("item-save").ClickAsync();
        await Assertions.Expect(transport.Locator(".testimonies")).ToContainTextAsync("vingt minutes");
        await Assertions.Expect(transport.Locator(".testimonies")).ToContainTextAsync("anonyme");
        await Assertions.Expect(transport.Locator("[data-kind=Experiential] [data-testid=knowledge-gap]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_empty_portrait_offers_the_previous_cycles_and_copies_it()
    {
        // A cycle between the sample's two: its previous one is the 2021-2024 cycle, and the sample's current portrait stays current.
        var cycleId = await browser.App.WithDbAsync(async db =>
        {
            var table = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Tables, t => t.Slug == "tilleuls");
            var cycle = new Tables.Web.Features.Cycles.Cycle { TableId = table.Id, Title = "Cycle intercalaire", Start = new DateOnly(2024, 6, 1), End = new DateOnly(2024, 12, 1) };
            db.Cycles.Add(cycle);
            await db.SaveChangesAsync();
            return cycle.Id;
        });
        var page = await browser.NewPageAsync(1280, 1000);
        await page.SignInAsync(browser.BaseUrl, TablesAppFactory.Partner);
        await page.GotoAsync($"{browser.BaseUrl}/t/tilleuls/cycles/{cycleId}/portrait");
        await page.WaitForInteractiveAsync();
        var banner = page.GetByTestId("copy-banner");
        await Assertions.Expect(banner).ToContainTextAsync("Plan de quartier 2021-2024");
        await Assertions.Expect(page.GetByTestId("publication")).ToContainTextAsync("Brouillon");

        await page.GetByTestId("portrait-copy").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Copier le portrait précédent" }).ClickAsync();

        await Assertions.Expect(Theme(page, "Habitation").Locator("tr[data-label='Loyer mensuel médian']")).ToContainTextAsync("780");
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        await ShotAsync(page.Locator(".portrait-head"), "portrait-copied-head");
    }
}
