using BenchmarkDotNet.Running;
using Tables.Benchmarks;
using UglyToad.PdfPig;

if (args is ["sizes"])
{
    // Pages and bytes of each report, ours and Chromium's (docs/PERFORMANCE.md): dotnet run -c Release -- sizes
    foreach (var report in new[] { "plan", "evaluation", "protocol" })
    {
        var document = ReportBenchmarks.Compose(report)();
        var ours = document.GeneratePdf();
        await using var chromium = await ChromiumPrinter.StartAsync(EquivalentHtml.Write(document));
        var theirs = await chromium.PrintAsync();
        Directory.CreateDirectory("report-sizes");
        File.WriteAllBytes($"report-sizes/{report}-skia.pdf", ours);
        File.WriteAllBytes($"report-sizes/{report}-chromium.pdf", theirs);
        Console.WriteLine($"{report}: Tables.Reports {Pages(ours)} pages {ours.Length / 1024.0:0.0} KB; Chromium {Pages(theirs)} pages {theirs.Length / 1024.0:0.0} KB; ratio {(double)ours.Length / theirs.Length:0.00}");
    }
    return;
}

// Not typeof(Program): Tables.Web (referenced for the portrait's benchmarks) has a Program too.
BenchmarkSwitcher.FromAssembly(typeof(CountingBenchmarks).Assembly).Run(args);

static int Pages(byte[] pdf)
{
    using var document = PdfDocument.Open(pdf);
    return document.NumberOfPages;
}
