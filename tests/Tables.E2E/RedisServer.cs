using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tables.E2E;

/// <summary>
/// Debian's <c>redis-server</c> on a free 127.0.0.1 port, for as long as the tests need it (no persistence). Without it
/// the tests skip with the reason, except under CI=true where they fail: <c>.ci/run</c> installs it.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string Binary = "/usr/bin/redis-server";
    private Process? _process;

    public string? Configuration { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Binary))
        {
            return;
        }
        var port = FreePort();
        _process = Process.Start(new ProcessStartInfo(Binary, ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--protected-mode", "yes"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("redis-server exited"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Configuration = $"127.0.0.1:{port}";
    }

    /// <summary>Skips (or fails under CI) when there is no Redis.</summary>
    public string Require()
    {
        if (Configuration is null)
        {
            var reason = $"redis-server not found at {Binary} (apt-get install redis-server)";
            Assert.False(BrowserFixture.InCi, reason + ": CI must have it.");
            Assert.Skip(reason);
        }
        return Configuration;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }
}
