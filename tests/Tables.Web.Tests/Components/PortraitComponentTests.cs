using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Tables.Web.Components.Portrait;
using Tables.Web.Features.Portrait;

namespace Tables.Web.Tests.Components;

/// <summary>The portrait's editor, merge panel, charts and knowledge panel, rendered alone.</summary>
public sealed class PortraitComponentTests : BunitContext
{
    private static readonly string[] Themes = ["Habitation", "Transport et mobilité"];

    public PortraitComponentTests()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        Services.AddSingleton<PortraitMarkdown>();
        Services.AddSingleton<FluentValidation.IValidator<IndicatorEdit>, IndicatorEditValidator>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("fr-CA");
    }

    private static PortraitIndicator Indicator(string label, int year, decimal value, decimal? comparison = null) => new()
    {
        Theme = "Habitation", Label = label, Year = year, Value = value, Unit = "%", ComparisonTerritory = comparison is null ? null : "Montréal",
        ComparisonValue = comparison, Knowledge = KnowledgeKind.Academic, BroughtBy = "Comité logement",
    };

    private IRenderedComponent<PortraitItemEditor<IndicatorEdit>> Editor(IndicatorEdit model, Func<Task> save) =>
        Render<PortraitItemEditor<IndicatorEdit>>(p => p
            .Add(c => c.Title, "Nouvel indicateur")
            .Add(c => c.Model, model)
            .Add(c => c.OnSave, save)
            .Add(c => c.ChildContent, (RenderFragment)(b =>
            {
                b.OpenComponent<IndicatorFields>(0);
                b.AddComponentParameter(1, nameof(IndicatorFields.Model), model);
                b.AddComponentParameter(2, nameof(IndicatorFields.Themes), Themes);
                b.CloseComponent();
            })));

    [Fact]
    public void The_indicator_editor_refuses_an_incomplete_indicator_at_its_fields_and_saves_nothing()
    {
        var saved = 0;
        var editor = Editor(new IndicatorEdit { Theme = "Habitation" }, () => { saved++; return Task.CompletedTask; });

        editor.Find("form").Submit();

        Assert.Equal(0, saved);
        var messages = editor.FindAll(".mud-input-helper-text.mud-input-error, .validation-message, .mud-input-error").Select(e => e.TextContent).ToList();
        Assert.Contains(messages, m => m.Contains("Indicateur", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Source", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Type de savoir", StringComparison.Ordinal));
    }

    [Fact]
    public void The_indicator_editor_saves_a_complete_indicator_and_shows_the_services_refusal_at_its_field()
    {
        var model = new IndicatorEdit
        {
            Theme = "Habitation", Label = "Loyer médian", Value = 965, Unit = "$", Year = 2021, Source = "Recensement", Knowledge = KnowledgeKind.Academic, BroughtBy = "Comité",
        };
        var editor = Editor(model, () => throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("Label", "L'indicateur « Loyer médian » existe déjà.")]));

        editor.Find("form").Submit();

        Assert.Contains("existe déjà", editor.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_merge_panel_shows_both_versions_of_each_changed_field_and_saves_the_three_way_merge()
    {
        var start = new IndicatorEdit { Theme = "Habitation", Label = "Loyer", Value = 900, Unit = "$", Year = 2021, Source = "A", Knowledge = KnowledgeKind.Academic, BroughtBy = "X" };
        var mine = start with { Value = 965 };
        var theirs = start with { Source = "B", Version = Guid.NewGuid() };
        IndicatorEdit? merged = null;

        var panel = Render<ConflictPanel<IndicatorEdit>>(p => p.Add(c => c.Base, start).Add(c => c.Mine, mine).Add(c => c.Theirs, theirs)
            .Add(c => c.OnMerged, (IndicatorEdit m) => merged = m));

        Assert.Equal(["Value", "Source"], panel.FindAll("tbody tr").Select(r => r.GetAttribute("data-field")));
        Assert.Contains("965", panel.Find("tr[data-field=Value]").TextContent);
        Assert.True(panel.Find("tr[data-field=Source] [data-testid=keep-theirs]").HasAttribute("checked"));
        panel.Find("[data-testid=conflict-save]").Click();
        Assert.Equal((965m, "B", theirs.Version), (merged!.Value, merged.Source, merged.Version));
    }

    [Fact]
    public void The_merge_panel_offers_to_recreate_an_item_deleted_meanwhile()
    {
        var start = new IndicatorEdit { Label = "Loyer" };
        IndicatorEdit? recreated = null;
        var panel = Render<ConflictPanel<IndicatorEdit>>(p => p.Add(c => c.Base, start).Add(c => c.Mine, start).Add(c => c.Theirs, (IndicatorEdit?)null)
            .Add(c => c.OnRecreate, (IndicatorEdit m) => recreated = m));

        Assert.Contains("supprimé", panel.Markup, StringComparison.Ordinal);
        panel.Find("[data-testid=conflict-recreate]").Click();
        Assert.Same(start, recreated);
    }

    [Fact]
    public void The_comparison_chart_draws_each_latest_figure_against_its_territory_scaled_to_the_larger()
    {
        var chart = Render<ComparisonChart>(p => p.Add(c => c.Theme, "Habitation").Add(c => c.Indicators,
        [
            Indicator("Ménages locataires", 2016, 68.5m, 63.3m), Indicator("Ménages locataires", 2021, 70m, 35m),
            Indicator("Logements sociaux", 2024, 412), Indicator("Loyer médian", 2021, 900, 1800),
        ]));

        var rows = chart.FindAll("g.chart-row");
        Assert.Equal(["Ménages locataires", "Loyer médian"], rows.Select(r => r.GetAttribute("data-label")));
        Assert.Equal(["220", "110"], rows[0].QuerySelectorAll("rect").Select(r => r.GetAttribute("width") ?? ""));
        Assert.Equal(["110", "220"], rows[1].QuerySelectorAll("rect").Select(r => r.GetAttribute("width") ?? ""));
        Assert.Contains("70\u00A0%", rows[0].TextContent);
        Assert.Contains("Montréal 35\u00A0%", rows[0].TextContent);
        Assert.Contains("(2021)", rows[0].QuerySelector(".chart-label")!.TextContent);
        Assert.Equal("img", chart.Find("svg").GetAttribute("role"));
    }

    [Fact]
    public void The_comparison_chart_is_not_drawn_when_nothing_has_a_comparison()
    {
        var chart = Render<ComparisonChart>(p => p.Add(c => c.Theme, "Habitation").Add(c => c.Indicators, [Indicator("Logements sociaux", 2024, 412)]));
        Assert.Empty(chart.Markup.Trim());
    }

    [Fact]
    public void The_evolution_chart_follows_the_years_in_order_with_the_territory_dashed_and_its_scale_labelled()
    {
        var chart = Render<EvolutionChart>(p => p.Add(c => c.Series, [Indicator("Loyer", 2021, 965, 900), Indicator("Loyer", 2011, 600, 650), Indicator("Loyer", 2016, 780, 754)]));

        Assert.Equal(["2011", "2016", "2021"], chart.FindAll(".chart-year").Select(t => t.TextContent));
        var points = chart.Find("polyline.neighbourhood").GetAttribute("points")!.Split(' ').Select(p => double.Parse(p.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.True(points[0] > points[1] && points[1] > points[2], "higher figures are drawn higher");
        Assert.Single(chart.FindAll("polyline.comparison"));
        Assert.Equal(2, chart.FindAll(".chart-axis-label").Count);
        Assert.Contains("2011\u00A0: 600\u00A0%", chart.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_evolution_chart_draws_no_territory_line_from_a_single_comparison()
    {
        var chart = Render<EvolutionChart>(p => p.Add(c => c.Series, [Indicator("Population", 2016, 28450), Indicator("Population", 2021, 29870, 30000)]));

        Assert.Empty(chart.FindAll("polyline.comparison"));
        Assert.Equal(2, chart.FindAll("circle.neighbourhood").Count);
    }

    [Fact]
    public void The_knowledge_panel_says_what_each_kind_says_and_names_each_gap_for_the_theme()
    {
        var theme = PortraitViews.Themes(["Transport et mobilité"],
            Enumerable.Range(0, 6).Select(i =>
            {
                var indicator = Indicator($"Indicateur {i}", 2021, i);
                indicator.Theme = "Transport et mobilité";
                return indicator;
            }), [], [], []).Single();

        var panel = Render<KnowledgePanel>(p => p.Add(c => c.Theme, theme));

        var academic = panel.Find("[data-kind=Academic]");
        Assert.Equal(4, academic.QuerySelectorAll(":scope > ul > li").Length);
        Assert.Contains("et 2 de plus", academic.TextContent);
        Assert.Equal(3, panel.FindAll("[data-testid=knowledge-gap]").Count);
        Assert.Contains("Aucun vécu de résident·es encore sur Transport et mobilité", panel.Find("[data-kind=Experiential]").TextContent.Replace('\u00A0', ' '));
    }
}
