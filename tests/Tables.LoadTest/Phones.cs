using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Tables.Testing;

namespace Tables.LoadTest;

/// <summary>
/// The phones of a run (the app's or the baseline's): connected and joined, and how long each join took. They behave as
/// the phone page does: they keep each <c>ResultsChanged</c> and take <c>ForumChanged</c> as it is — or, with
/// <c>legacy</c>, as the phone page did before #13: they ask for a snapshot on every <c>ForumChanged</c> and after
/// every acknowledged ballot (one at a time per phone), which is what the server's CPU paid for.
/// </summary>
public sealed class Phones(HubConnection[] connections, IReadOnlyList<double> joinMs, int failed, bool legacy)
{
    private readonly int[] _asking = new int[connections.Length];
    private int _snapshots;

    public HubConnection[] Connections => connections;
    public IReadOnlyList<double> JoinMs => joinMs;
    public int Failed => failed;

    /// <summary>How many snapshots the phones asked for (legacy phones only).</summary>
    public int SnapshotsAsked => Volatile.Read(ref _snapshots);

    /// <summary>
    /// Connects <paramref name="count"/> clients, 64 at a time; each follows <c>ResultsChanged</c> and <c>ForumChanged</c>
    /// into <paramref name="receipts"/>, starts, and joins with <paramref name="join"/>. A phone that fails is counted and logged.
    /// </summary>
    public static async Task<Phones> ConnectAsync(int count, Func<HubConnection> connect, Func<HubConnection, CancellationToken, Task> join,
        Receipts receipts, TextWriter log, CancellationToken ct, bool legacy = false)
    {
        var connections = new HubConnection[count];
        var joins = new ConcurrentBag<double>();
        var failed = 0;
        Phones? phones = null;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct }, async (i, token) =>
        {
            var phone = connect();
            phone.OnResultsChanged(r => receipts.Received(i, r));
            phone.OnForumChanged(() =>
            {
                receipts.ForumChanged(i);
                phones?.Ask(i);
            });
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
        phones = new Phones(connections, [.. joins], failed, legacy);
        return phones;
    }

    /// <summary>Phone <paramref name="i"/>'s ballot was acknowledged (the old phone page then asked for its snapshot).</summary>
    public void AfterAck(int i) => Ask(i);

    private void Ask(int i)
    {
        if (!legacy || Interlocked.CompareExchange(ref _asking[i], 1, 0) != 0)
        {
            return;
        }
        Interlocked.Increment(ref _snapshots);
        _ = Task.Run(async () =>
        {
            try
            {
                await connections[i].GetSnapshotAsync();
            }
            catch (Exception e) when (e is HubException or InvalidOperationException or IOException)
            {
                // As on the phone page: the next change asks again.
            }
            finally
            {
                Volatile.Write(ref _asking[i], 0);
            }
        });
    }

    public Task DisposeAsync() => Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
}
