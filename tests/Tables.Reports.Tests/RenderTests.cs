using System.Diagnostics;

namespace Tables.Reports.Tests;

/// <summary>Renders pages with poppler's pdftoppm, as a reader's viewer would: the PDF must be readable by another
/// implementation than the one that wrote it. Without poppler-utils the test skips, except under CI=true.</summary>
public sealed class RenderTests
{
    private const string Pdftoppm = "/usr/bin/pdftoppm";

    [Theory]
    [InlineData("plan-fr.pdf")]
    [InlineData("evaluation-fr.pdf")]
    [InlineData("protocol-fr.pdf")]
    public async Task Pages_render_to_png_with_poppler(string file)
    {
        if (!File.Exists(Pdftoppm))
        {
            var reason = "pdftoppm not found (apt-get install poppler-utils)";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), reason + ": CI must have it.");
            Assert.Skip(reason);
        }
        _ = file switch
        {
            "plan-fr.pdf" => Pdfs.Plan,
            "evaluation-fr.pdf" => Pdfs.Evaluation,
            _ => Pdfs.Protocol,
        };
        var pdf = Path.Combine(Artifacts.Directory, file);
        var prefix = Path.Combine(Artifacts.Directory, Path.GetFileNameWithoutExtension(file));
        using var process = Process.Start(new ProcessStartInfo(Pdftoppm, ["-png", "-r", "60", pdf, prefix]) { RedirectStandardError = true })!;
        var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", errors.Trim());
        var pngs = Directory.GetFiles(Artifacts.Directory, Path.GetFileNameWithoutExtension(file) + "-*.png");
        Assert.NotEmpty(pngs);
        Assert.All(pngs, png => Assert.True(new FileInfo(png).Length > 3000, png));
    }
}
