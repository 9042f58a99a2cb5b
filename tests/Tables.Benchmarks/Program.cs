using BenchmarkDotNet.Running;
using Tables.Benchmarks;
using UglyToad.PdfPig;

// dotnet run -c Release --project tests/Tables.Benchmarks -- generate [--distinct] FILE.abif   the goal's file (docs/PERFORMANCE.md)
// dotnet run -c Release --project tests/Tables.Benchmarks -- sizes                             report sizes, ours and Chromium's
// dotnet run -c Release --project tests/Tables.Benchmarks -- --filter '*'                      BenchmarkDotNet
if (args is ["sizes"])
{
    // Pages and bytes of each report, ours and Chromium's (docs/PERFORMANCE.md).
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
    return 0;
}

var shape = args.Contains("--distinct") ? BallotFileGenerator.Shape.Distinct : BallotFileGenerator.Shape.Election;
var rest = args.Where(a => a != "--distinct").ToArray();
if (rest is ["generate", var path])
{
    var bytes = BallotFileGenerator.Generate(shape);
    await File.WriteAllBytesAsync(path, bytes);
    Console.WriteLine($"{path}: {bytes.Length:N0} bytes, {BallotFileGenerator.Lines:N0} ballot lines, {BallotFileGenerator.Options} options ({shape})");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(CountingBenchmarks).Assembly).Run(rest);
return 0;

static int Pages(byte[] pdf)
{
    using var document = PdfDocument.Open(pdf);
    return document.NumberOfPages;
}
