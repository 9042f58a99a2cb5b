using System.Diagnostics;
using Tables.LoadTest;

namespace Tables.Web.Tests.Security;

/// <summary>The built app run as the server's operator runs it (<c>dotnet Tables.Web.dll …</c>, Production), to its end.</summary>
internal static class AppProcess
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public sealed record Run(int ExitCode, string Output);

    public static async Task<Run> RunAsync(string dataDirectory, IEnumerable<string> args, string? input = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var project = Path.Combine(LoadTestProgram.FindRepositoryRoot(), "src", "Tables.Web");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(project, "bin", Configuration, "net10.0", "Tables.Web.dll"), .. args])
        {
            WorkingDirectory = project,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Data__Directory"] = dataDirectory;
        start.Environment["LANG"] = "fr_CA.UTF-8";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Tables.Web {string.Join(" ", args)} did not stop: {await output}{await error}");
        }
        return new Run(process.ExitCode, await output + await error);
    }

    public static string NewDataDirectory(string purpose) => Path.Combine(Path.GetTempPath(), "tables-" + purpose, Guid.NewGuid().ToString("N"));
}
