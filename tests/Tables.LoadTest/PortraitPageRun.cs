using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Portrait;

namespace Tables.LoadTest;

/// <summary>
/// The portrait page of a cycle with 400 indicators, rendered on the server (goal: p95 under 100 ms on 2 cores).
/// <c>dotnet run -c Release --project tests/Tables.LoadTest -- --portrait-page [--requests 400]</c>
/// The app runs in Release as its own process on the sample; a cycle gets 400 indicators over the 8 themes (by CSV
/// import: series over two years, half compared with Montréal), texts and resources; another cycle stays empty.
/// Baseline, in the same run and interleaved request by request: the same page of the empty cycle (same layout,
/// queries and circuit start, no items), so the ratio is what 400 indicators cost. Requests are one at a time, as a
/// partner (edit buttons on every row) and anonymously (published portrait), read to the last byte.
/// </summary>
public static class PortraitPageRun
{
    private static readonly string[] Themes = ["Habitation", "Sécurité alimentaire", "Aménagement urbain", "Environnement", "Transport et mobilité", "Santé", "Réussite éducative", "Vie communautaire"];

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = args.SkipWhile(a => a != "--requests").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(400);
        var root = LoadTestProgram.FindRepositoryRoot();
        await using var server = await ServerProcess.StartAsync(root, TimeSpan.FromMinutes(3));
        Console.WriteLine($"server {server.Url} (pid {server.Pid}); load average {File.ReadAllText("/proc/loadavg").Trim()}");
        using var coordinator = new Staff(server.Url);
        await coordinator.SignInAsync("coordination@tilleuls.example", "Tilleuls-demo-2026");
        using var partner = new Staff(server.Url);
        await partner.SignInAsync("partenaire@tilleuls.example", "Tilleuls-demo-2026");
        using var anonymous = new HttpClient { BaseAddress = server.Url };

        var full = await CycleAsync(coordinator.Http, "Mesure : 400 indicateurs", 2040);
        var empty = await CycleAsync(coordinator.Http, "Mesure : portrait vide", 2041);
        await FillAsync(partner.Http, full);
        foreach (var cycle in new[] { full, empty })
        {
            (await coordinator.Http.PutAsJsonAsync(Api(cycle), new PortraitSettings { IsPublic = true })).EnsureSuccessStatusCode();
        }
        var page = $"/t/tilleuls/cycles/{full}/portrait";
        var baseline = $"/t/tilleuls/cycles/{empty}/portrait";
        var html = await anonymous.GetStringAsync(page);
        var rows = html.Split("<tr data-id=").Length - 1;
        if (rows != 400)
        {
            throw new InvalidOperationException($"the page shows {rows} indicators, not 400");
        }

        var clients = new[] { ("partner", partner.Http), ("anonymous", anonymous) };
        for (var i = 0; i < 30; i++)
        {
            foreach (var (_, client) in clients)
            {
                await TimeAsync(client, page);
                await TimeAsync(client, baseline);
            }
        }
        var times = clients.ToDictionary(c => c.Item1, _ => (Page: new List<double>(), Baseline: new List<double>()));
        for (var i = 0; i < requests; i++)
        {
            foreach (var (who, client) in clients)
            {
                times[who].Page.Add(await TimeAsync(client, page));
                times[who].Baseline.Add(await TimeAsync(client, baseline));
            }
        }

        var report = times.ToDictionary(t => t.Key, t => new
        {
            p50 = Percentiles.Of(t.Value.Page, 50), p95 = Percentiles.Of(t.Value.Page, 95), p99 = Percentiles.Of(t.Value.Page, 99),
            baseline_p50 = Percentiles.Of(t.Value.Baseline, 50), baseline_p95 = Percentiles.Of(t.Value.Baseline, 95),
            ratio_p95 = Math.Round(Percentiles.Of(t.Value.Page, 95) / Percentiles.Of(t.Value.Baseline, 95), 2),
        });
        foreach (var (who, r) in report)
        {
            Console.WriteLine($"{who}: 400 indicators p50/p95/p99 {r.p50}/{r.p95}/{r.p99} ms; empty portrait p50/p95 {r.baseline_p50}/{r.baseline_p95} ms (× {r.ratio_p95} at p95)");
        }
        Console.WriteLine($"page {html.Length / 1024} KB, {requests} requests each; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine(JsonSerializer.Serialize(new { requests, bytes = html.Length, report }));
        return report.Values.All(r => r.p95 < 100) ? 0 : 1;
    }

    private static string Api(int cycle) => $"/api/tables/tilleuls/cycles/{cycle}/portrait";

    private static async Task<int> CycleAsync(HttpClient http, string title, int year)
    {
        var response = await http.PostAsJsonAsync("/api/tables/tilleuls/cycles/", new CycleEdit { Title = title, Start = new DateOnly(year, 1, 1), End = new DateOnly(year + 3, 1, 1) });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CycleItem>())!.Id;
    }

    /// <summary>Per theme: 30 indicators of one year and 10 over two years (50 rows), 2 texts and 2 resources.</summary>
    private static async Task FillAsync(HttpClient http, int cycle)
    {
        var random = new Random(20261201);
        var csv = new StringBuilder("theme;libelle;valeur;unite;annee;source;territoire_comparaison;valeur_comparaison;note;savoir;apporte_par\n");
        string[] kinds = ["terrain", "politique", "académique", "expérientiel"];
        var n = 0;
        foreach (var theme in Themes)
        {
            for (var label = 0; label < 40; label++)
            {
                foreach (var year in label < 10 ? new[] { 2016, 2021 } : [2024])
                {
                    var value = Math.Round((decimal)random.NextDouble() * 100, 1);
                    var compared = n++ % 2 == 0;
                    csv.Append(CultureInfo.InvariantCulture, $"{theme};Indicateur {label:00} de {theme};{value.ToString(CultureInfo.GetCultureInfo("fr-CA"))};%;{year};Source {label} (fictive);")
                        .Append(compared ? $"Montréal;{(value * 0.8m).ToString("0.#", CultureInfo.GetCultureInfo("fr-CA"))};" : ";;")
                        .Append(label % 6 == 0 ? "Une note;" : ";").Append(kinds[label % 4]).Append(";Organisme ").Append(label % 7).Append('\n');
                }
            }
        }
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var imported = await http.PostAsync(Api(cycle) + "/import", content);
        imported.EnsureSuccessStatusCode();
        foreach (var theme in Themes)
        {
            foreach (var section in new[] { NarrativeSection.Strengths, NarrativeSection.Needs })
            {
                (await http.PostAsJsonAsync(Api(cycle) + "/narratives", new NarrativeEdit
                {
                    Theme = theme, Section = section, Title = $"{section} — {theme}", Knowledge = KnowledgeKind.Field, BroughtBy = "Organisme 1",
                    Body = "Un texte de **portrait** avec une liste :\n\n- un premier point;\n- un deuxième point.\n\nEt un [lien](https://example.org).",
                })).EnsureSuccessStatusCode();
                (await http.PostAsJsonAsync(Api(cycle) + "/resources", new ResourceEdit
                {
                    Theme = theme, Name = $"Ressource {section} {theme}", Address = "1000, rue des Tilleuls", Contact = "514 555-0100", Knowledge = KnowledgeKind.Field, BroughtBy = "Organisme 2",
                })).EnsureSuccessStatusCode();
            }
        }
    }

    /// <summary>One request read to the end, in milliseconds.</summary>
    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        return watch.Elapsed.TotalMilliseconds;
    }
}
