using BenchmarkDotNet.Attributes;
using Microsoft.Playwright;
using Tables.Reports.Documents;
using Tables.Reports.Pdf;
using Tables.Reports.Tests.Samples;

namespace Tables.Benchmarks;

/// <summary>
/// The three sample reports, rendered by Tables.Reports and, in the same run, by warm headless Chromium printing the
/// equivalent HTML (<see cref="EquivalentHtml"/>) from a page already loaded. Figures in docs/PERFORMANCE.md.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private ChromiumPrinter? _chromium;
    private Func<Document>[] _documents = [];

    [Params("plan", "evaluation", "protocol")]
    public string Report { get; set; } = "plan";

    [GlobalSetup]
    public async Task Setup()
    {
        _documents = [Compose("plan"), Compose("evaluation"), Compose("protocol")];
        _chromium = await ChromiumPrinter.StartAsync(EquivalentHtml.Write(Current()()));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }

    /// <summary>Composing included: what a download costs from the report model to the PDF's bytes.</summary>
    [Benchmark(Description = "Tables.Reports (SkiaSharp)")]
    public byte[] Skia() => Current()().GeneratePdf();

    [Benchmark(Baseline = true, Description = "Chromium page.PdfAsync")]
    public Task<byte[]> Chromium() => _chromium!.PrintAsync();

    private Func<Document> Current() => _documents[Report switch { "plan" => 0, "evaluation" => 1, _ => 2 }];

    public static Func<Document> Compose(string report) => report switch
    {
        "plan" => static () => PlanDocument.Compose(SamplePlan.Create()),
        "evaluation" => static () => EvaluationDocument.Compose(SampleEvaluation.Create()),
        _ => static () => ProtocolDocument.Compose(SampleProtocol.Create()),
    };
}

/// <summary>Debian's Chromium through Playwright, with one page holding the document, ready to print.</summary>
public sealed class ChromiumPrinter : IAsyncDisposable
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    public static async Task<ChromiumPrinter> StartAsync(string html)
    {
        var printer = new ChromiumPrinter { _playwright = await Playwright.CreateAsync() };
        printer._browser = await printer._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"],
        });
        printer._page = await printer._browser.NewPageAsync();
        await printer._page.SetContentAsync(html);
        await printer.PrintAsync();
        return printer;
    }

    public Task<byte[]> PrintAsync() => _page.PdfAsync(new PagePdfOptions
    {
        Format = "Letter",
        PrintBackground = true,
        DisplayHeaderFooter = true,
        HeaderTemplate = "<span></span>",
        FooterTemplate = "<div style=\"font-family:'Tables Sans';font-size:8.5pt;color:#52606D;width:100%;text-align:right;margin:0 54pt\">Page <span class=\"pageNumber\"></span> sur <span class=\"totalPages\"></span></div>",
        Margin = new Margin { Top = "0.64in", Bottom = "0.83in", Left = "0.75in", Right = "0.75in" },
    });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
