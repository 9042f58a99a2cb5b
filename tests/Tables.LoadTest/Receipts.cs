using System.Collections.Concurrent;
using System.Diagnostics;
using Tables.Web.Features.Forums;

namespace Tables.LoadTest;

/// <summary>
/// What the phones received (which update, when) and when their ballots were acknowledged — the same bookkeeping for
/// the app and for the baseline, so their fan-out and delivery figures are computed the same way.
/// </summary>
public sealed class Receipts(int phones)
{
    private readonly ConcurrentQueue<(int Phone, long Version, long At)> _received = new();
    private readonly ConcurrentBag<(double Ms, long At)> _acks = new();
    private readonly BallotResults?[] _last = new BallotResults?[phones];
    private readonly ConcurrentDictionary<int, byte> _final = new();
    private readonly TaskCompletionSource _allFinal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Func<BallotResults, bool>? _isFinal;

    public IReadOnlyList<double> AckMs => [.. _acks.Select(a => a.Ms)];

    private readonly ConcurrentDictionary<int, byte> _forumChanged = new();
    private TaskCompletionSource _allForumChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Phone <paramref name="phone"/> received a <c>ForumChanged</c>.</summary>
    public void ForumChanged(int phone)
    {
        if (_forumChanged.TryAdd(phone, 0) && _forumChanged.Count == phones)
        {
            _allForumChanged.TrySetResult();
        }
    }

    /// <summary>Waits until every phone received a <c>ForumChanged</c>; returns how many never did.</summary>
    public async Task<int> MissingForumChangeAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await _allForumChanged.Task.WaitAsync(timeout, ct);
            return 0;
        }
        catch (TimeoutException)
        {
            return phones - _forumChanged.Count;
        }
    }

    /// <summary>Phone <paramref name="phone"/> received <paramref name="update"/> now (SignalR calls a connection's handlers one at a time).</summary>
    public void Received(int phone, BallotResults update)
    {
        _received.Enqueue((phone, update.Version, Stopwatch.GetTimestamp()));
        Volatile.Write(ref _last[phone], update);
        Check(phone);
    }

    /// <summary>The last update phone <paramref name="phone"/> received, if any.</summary>
    public BallotResults? Last(int phone) => Volatile.Read(ref _last[phone]);

    /// <summary>A ballot sent at <paramref name="start"/> was acknowledged now.</summary>
    public void Acked(long start)
    {
        var at = Stopwatch.GetTimestamp();
        _acks.Add((Stopwatch.GetElapsedTime(start, at).TotalMilliseconds, at));
    }

    /// <summary>
    /// Once every ballot is acknowledged: waits until each phone's latest update is the final one (the figures with
    /// every acknowledged ballot in them, as <paramref name="isFinal"/> says). Returns how many phones never got it.
    /// Judged by content, not by arrival time: the final update may reach a phone before the client has read the last
    /// ack of another connection.
    /// </summary>
    public async Task<int> MissingFinalUpdateAsync(Func<BallotResults, bool> isFinal, TimeSpan timeout, CancellationToken ct)
    {
        Volatile.Write(ref _isFinal, isFinal);
        for (var phone = 0; phone < phones; phone++)
        {
            Check(phone);
        }
        try
        {
            await _allFinal.Task.WaitAsync(timeout, ct);
            return 0;
        }
        catch (TimeoutException)
        {
            return phones - _final.Count;
        }
    }

    private void Check(int phone)
    {
        if (Volatile.Read(ref _isFinal) is { } isFinal && Last(phone) is { } last && isFinal(last)
            && _final.TryAdd(phone, 0) && _final.Count == phones)
        {
            _allFinal.TrySetResult();
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
