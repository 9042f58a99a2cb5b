using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tables.Web.Components.Portrait;
using Tables.Web.Features.Portrait;

namespace Tables.Benchmarks;

/// <summary>
/// The portrait's themes rendered to HTML by Blazor's HtmlRenderer, as the page prerenders them (no database, no
/// layout): 400 indicators over 8 themes (10 series over two years per theme, half compared with Montréal), 16 texts,
/// 16 resources, as a partner sees them (edit buttons). Baseline: the same 8 themes empty. The whole page over HTTP is
/// measured by the load test (<c>--portrait-page</c>); this isolates what the components cost.
/// </summary>
[MemoryDiagnoser]
public class PortraitRenderBenchmarks
{
    private static readonly string[] Themes = ["Habitation", "Sécurité alimentaire", "Aménagement urbain", "Environnement", "Transport et mobilité", "Santé", "Réussite éducative", "Vie communautaire"];
    private ServiceProvider _services = null!;
    private HtmlRenderer _renderer = null!;
    private IReadOnlyList<ThemeView> _full = [];
    private IReadOnlyList<ThemeView> _empty = [];

    [GlobalSetup]
    public void Setup()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-CA");
        _services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        _renderer = new HtmlRenderer(_services, _services.GetRequiredService<ILoggerFactory>());
        var random = new Random(20261201);
        var indicators = new List<PortraitIndicator>();
        var narratives = new List<PortraitNarrative>();
        var resources = new List<PortraitResource>();
        var markdown = new PortraitMarkdown();
        var id = 0;
        foreach (var theme in Themes)
        {
            for (var label = 0; label < 40; label++)
            {
                foreach (var year in label < 10 ? new[] { 2016, 2021 } : [2024])
                {
                    var value = Math.Round((decimal)random.NextDouble() * 100, 1);
                    var compared = id % 2 == 0;
                    indicators.Add(new PortraitIndicator
                    {
                        Id = ++id, Theme = theme, Label = $"Indicateur {label:00} de {theme}", Value = value, Unit = "%", Year = year, Source = $"Source {label} (fictive)",
                        ComparisonTerritory = compared ? "Montréal" : null, ComparisonValue = compared ? Math.Round(value * 0.8m, 1) : null, Note = label % 6 == 0 ? "Une note" : null,
                        Knowledge = (KnowledgeKind)(label % 4), BroughtBy = $"Organisme {label % 7}",
                    });
                }
            }
            foreach (var section in new[] { NarrativeSection.Strengths, NarrativeSection.Needs })
            {
                const string body = "Un texte de **portrait** avec une liste :\n\n- un premier point;\n- un deuxième point.\n\nEt un [lien](https://example.org).";
                narratives.Add(new PortraitNarrative { Id = ++id, Theme = theme, Section = section, Title = $"{section} — {theme}", Body = body, BodyHtml = markdown.ToSafeHtml(body), Knowledge = KnowledgeKind.Field, BroughtBy = "Organisme 1" });
                resources.Add(new PortraitResource { Id = ++id, Theme = theme, Name = $"Ressource {section} {theme}", Address = "1000, rue des Tilleuls", Contact = "514 555-0100", Knowledge = KnowledgeKind.Field, BroughtBy = "Organisme 2" });
            }
        }
        _full = PortraitViews.Themes(Themes, indicators, narratives, resources, []);
        _empty = PortraitViews.Themes(Themes, [], [], [], []);
    }

    private Task<string> RenderAsync(IReadOnlyList<ThemeView> themes) => _renderer.Dispatcher.InvokeAsync(async () =>
    {
        var html = new System.Text.StringBuilder();
        foreach (var theme in themes)
        {
            var output = await _renderer.RenderComponentAsync<ThemeSection>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(ThemeSection.Theme)] = theme, [nameof(ThemeSection.CanPartner)] = true, [nameof(ThemeSection.CanFacilitate)] = true,
            }));
            html.Append(output.ToHtmlString());
        }
        return html.ToString();
    });

    [Benchmark(Baseline = true, Description = "8 empty themes")]
    public Task<string> Empty() => RenderAsync(_empty);

    [Benchmark(Description = "8 themes, 400 indicators, 80 evolution charts, 16 texts, 16 resources")]
    public Task<string> Full() => RenderAsync(_full);

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
