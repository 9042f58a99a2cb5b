using System.Collections.Concurrent;
using System.Diagnostics;

namespace Tables.LoadTest;

/// <summary>
/// What the phones received (which update, when) and when their ballots were acknowledged — the same bookkeeping for
/// the app and for the baseline, so their fan-out and delivery figures are computed the same way.
/// </summary>
public sealed class Receipts(int phones)
{
    private readonly ConcurrentQueue<(int Phone, long Version, long At)> _received = new();
    private readonly ConcurrentBag<(double Ms, long At)> _acks = new();
    private readonly ConcurrentDictionary<int, byte> _reachedAfterMark = new();
    private readonly TaskCompletionSource _allReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _mark = long.MaxValue;

    public IReadOnlyList<double> AckMs => [.. _acks.Select(a => a.Ms)];

    /// <summary>Phone <paramref name="phone"/> received update <paramref name="version"/> now.</summary>
    public void Received(int phone, long version)
    {
        var at = Stopwatch.GetTimestamp();
        _received.Enqueue((phone, version, at));
        Seen(phone, at);
    }

    /// <summary>A ballot sent at <paramref name="start"/> was acknowledged now.</summary>
    public void Acked(long start)
    {
        var at = Stopwatch.GetTimestamp();
        _acks.Add((Stopwatch.GetElapsedTime(start, at).TotalMilliseconds, at));
    }

    /// <summary>
    /// Once every ballot is acknowledged: waits until each phone got an update sent after the last ack (the result
    /// with every ballot in it). Returns how many phones never got one.
    /// </summary>
    public async Task<int> MissingFinalUpdateAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (_acks.IsEmpty)
        {
            return 0;
        }
        Volatile.Write(ref _mark, _acks.Max(a => a.At));
        foreach (var r in _received)
        {
            Seen(r.Phone, r.At);
        }
        try
        {
            await _allReached.Task.WaitAsync(timeout, ct);
            return 0;
        }
        catch (TimeoutException)
        {
            return phones - _reachedAfterMark.Count;
        }
    }

    private void Seen(int phone, long at)
    {
        if (at > Volatile.Read(ref _mark) && _reachedAfterMark.TryAdd(phone, 0) && _reachedAfterMark.Count == phones)
        {
            _allReached.TrySetResult();
        }
    }

    /// <summary>
    /// For each update that reached every phone: from the first phone receiving it to the last — the delivery part of
    /// fan-out, without the coalescing wait.
    /// </summary>
    public List<double> Delivery() =>
        [.. Updates().Select(u => Stopwatch.GetElapsedTime(u.First, u.Last).TotalMilliseconds)];

    /// <summary>For each ack: time until the first update received after it has reached every phone.</summary>
    public List<double> FanOut()
    {
        var updates = Updates();
        var firsts = updates.Select(u => u.First).ToArray();
        var latencies = new List<double>(_acks.Count);
        foreach (var (_, ack) in _acks)
        {
            var index = Array.BinarySearch(firsts, ack);
            index = index < 0 ? ~index : index;
            if (index < updates.Length)
            {
                latencies.Add(Stopwatch.GetElapsedTime(ack, updates[index].Last).TotalMilliseconds);
            }
        }
        return latencies;
    }

    /// <summary>Updates that reached every phone, by first arrival.</summary>
    private (long First, long Last)[] Updates() =>
        [.. _received.GroupBy(r => r.Version)
            .Where(g => g.Select(r => r.Phone).Distinct().Count() == phones)
            .Select(g => (First: g.Min(r => r.At), Last: g.Max(r => r.At)))
            .OrderBy(u => u.First)];
}
