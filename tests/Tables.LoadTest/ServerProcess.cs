using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Tables.LoadTest;

/// <summary>
/// How to start the server: which build, whether to build it first, which data directory and whether to delete it at
/// the end, and settings to give it (configuration keys in environment form, e.g. <c>Live__UpdateIntervalMs</c>).
/// </summary>
public sealed record ServerStart(string Configuration = "Release", bool Build = true, string? DataDirectory = null, bool DeleteData = true,
    IReadOnlyDictionary<string, string>? Settings = null);

/// <summary>The real app (Release by default) as a separate process on a free 127.0.0.1 port, with its own data directory.</summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private bool _deleteData = true;
    public Uri Url { get; }
    public string DataDirectory { get; }
    public int Pid => _process.Id;

    private ServerProcess(Process process, Uri url, string dataDirectory)
    {
        _process = process;
        Url = url;
        DataDirectory = dataDirectory;
    }

    public static async Task<ServerProcess> StartAsync(string repositoryRoot, TimeSpan timeout, ServerStart? how = null)
    {
        how ??= new ServerStart();
        var project = Path.Combine(repositoryRoot, "src", "Tables.Web");
        if (how.Build)
        {
            var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", how.Configuration, "--nologo", "-v", "q"]) { RedirectStandardOutput = true })!;
            await build.StandardOutput.ReadToEndAsync();
            await build.WaitForExitAsync();
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException($"{how.Configuration} build of Tables.Web failed");
            }
        }
        var dataDirectory = how.DataDirectory ?? Path.Combine(Path.GetTempPath(), "tables-load", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", [Path.Combine(project, "bin", how.Configuration, "net10.0", "Tables.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Its own throw-away database with the fictional sample (its demo accounts drive the run); quiet logs.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Data__Directory"] = dataDirectory;
        start.Environment["Samples__Load"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in how.Settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && Listening().Match(e.Data) is { Success: true } m)
            {
                listening.TrySetResult(new Uri(m.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("[server] " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = await listening.Task.WaitAsync(timeout);
        return new ServerProcess(process, url, dataDirectory) { _deleteData = how.DeleteData };
    }

    /// <summary>SIGKILL: no shutdown, no flush — a power cut as the process sees it.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Resident memory of the server process, from /proc.</summary>
    public long ResidentBytes()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (!_deleteData)
        {
            return;
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
