using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tables.LoadTest;

/// <summary>
/// The floor to compare with: a bare SignalR hub on Kestrel (127.0.0.1) that acknowledges a message and broadcasts a
/// result-sized payload to every connection at once, no database, no coalescing. Fan-out is measured the same way:
/// from the ack to the broadcast reaching every client.
/// </summary>
public static class Baseline
{
    public static async Task<double> FanOutP95Async(int clients, TextWriter log, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR();
        await using var app = builder.Build();
        app.MapHub<BareHub>("/bare");
        await app.StartAsync(ct);
        var url = new Uri(app.Urls.First());

        var received = new ConcurrentQueue<(int Client, int Round, long At)>();
        var counts = new int[20];
        var complete = Enumerable.Range(0, 20).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var connections = new HubConnection[clients];
        await Parallel.ForAsync(0, clients, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct }, async (i, token) =>
        {
            var c = new HubConnectionBuilder().WithUrl(new Uri(url, "/bare"), o => { o.SkipNegotiation = true; o.Transports = HttpTransportType.WebSockets; }).Build();
            c.On<int, string>("Results", (round, _) =>
            {
                received.Enqueue((i, round, Stopwatch.GetTimestamp()));
                if (Interlocked.Increment(ref counts[round]) == clients)
                {
                    complete[round].TrySetResult();
                }
            });
            await c.StartAsync(token);
            connections[i] = c;
        });
        var latencies = new List<double>();
        var payload = new string('x', 600);
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        for (var round = 0; round < 20; round++)
        {
            await pace.WaitForNextTickAsync(ct);
            await connections[round % clients].InvokeAsync("Vote", round, payload, ct);
            var acked = Stopwatch.GetTimestamp();
            await complete[round].Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            latencies.Add(Stopwatch.GetElapsedTime(acked, received.Where(r => r.Round == round).Max(r => r.At)).TotalMilliseconds);
        }
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        await app.StopAsync(ct);
        var p95 = Percentiles.Of(latencies, 95);
        log.WriteLine($"baseline (bare hub, {clients} connections): fan-out p95 {p95} ms");
        return p95;
    }

    private sealed class BareHub : Hub
    {
        public async Task Vote(int round, string payload) => await Clients.All.SendAsync("Results", round, payload);
    }
}
