using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Tables.Web.Features.Forums;

using Tables.Testing;

namespace Tables.LoadTest;

/// <summary>The phones of a run (the app's or the baseline's): connected and joined, and how long each join took.</summary>
public sealed record Phones(HubConnection[] Connections, IReadOnlyList<double> JoinMs, int Failed)
{
    /// <summary>
    /// Connects <paramref name="count"/> clients, 64 at a time; each follows <c>ResultsChanged</c> into
    /// <paramref name="receipts"/>, starts, and joins with <paramref name="join"/>. A phone that fails is counted and logged.
    /// </summary>
    public static async Task<Phones> ConnectAsync(int count, Func<HubConnection> connect, Func<HubConnection, CancellationToken, Task> join,
        Receipts receipts, TextWriter log, CancellationToken ct)
    {
        var connections = new HubConnection[count];
        var joins = new ConcurrentBag<double>();
        var failed = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct }, async (i, token) =>
        {
            var phone = connect();
            phone.OnResultsChanged(r => receipts.Received(i, r));
            connections[i] = phone;
            var start = Stopwatch.GetTimestamp();
            try
            {
                await phone.StartAsync(token);
                await join(phone, token);
                joins.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.Increment(ref failed);
                log.WriteLine($"join {i}: {e.Message}");
            }
        });
        return new Phones(connections, [.. joins], failed);
    }

    public Task DisposeAsync() => Task.WhenAll(Connections.Select(c => c.DisposeAsync().AsTask()));
}
