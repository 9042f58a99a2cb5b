using System.Runtime.InteropServices;

namespace Tables.Voting.Counting;

/// <summary>One stored ballot: where its items are, how many identical ballots it stands for, its weight and group
/// (indexes into <see cref="BallotStore.Weights"/> and <see cref="BallotStore.Groups"/>; group −1 = none).</summary>
internal readonly record struct StoredBallot(int Start, int Length, long Count, int Weight, int Group);

/// <summary>
/// Ballots stored flat, so that a file of hundreds of thousands of lines costs a few bytes an option: each ballot is a
/// run of items in two shared arrays — the option's position (a byte: a count has at most <see cref="Tally.MaxOptions"/>
/// options) and its mark (the tie group, 0 = best, for a ranking; the value for ratings) — plus a count, a weight and
/// a group, the last two as indexes into small tables. <see cref="AddOrMerge"/> merges a ballot into an identical one
/// already stored (same items, weight and group), summing the counts: the counts read only sums, so the result is the
/// same and the memory follows the number of different ballots. Everything is kept in <see cref="Chunks{T}"/>, so
/// growing never copies. A ballot has at most <see cref="MaxItems"/> items.
/// </summary>
internal sealed class BallotStore
{
    // Positions are bytes: this constant stops compiling if the most options a count may have no longer fits one.
    private const byte LastPosition = Tally.MaxOptions - 1;

    /// <summary>The most items a ballot may have: each option once (a reader reports a longer line as a repeated option).</summary>
    public const int MaxItems = Tally.MaxOptions;

    private readonly Chunks<byte> _positions = new();
    private readonly Chunks<int> _marks = new();
    private readonly Chunks<StoredBallot> _ballots = new();
    // Open addressing for AddOrMerge: (hash << 32) | (ballot index + 1), 0 = empty. The hash is kept in the slot so that
    // probing past other ballots does not read them (in a large file each read is a cache miss).
    private long[] _buckets = [];
    private readonly List<decimal> _weights = [];
    private readonly Dictionary<decimal, int> _weightIndex = [];
    private readonly List<string> _groups = [];
    private readonly Dictionary<string, int> _groupIndex = new(StringComparer.Ordinal);

    /// <summary>The number of ballots stored (after merging).</summary>
    public int Count { get; private set; }

    public IReadOnlyList<decimal> Weights => _weights;
    public IReadOnlyList<string> Groups => _groups;

    public StoredBallot this[int index] => _ballots[index];

    public ReadOnlySpan<byte> PositionsOf(int index)
    {
        var ballot = _ballots[index];
        return _positions.Run(ballot.Start, ballot.Length);
    }

    public ReadOnlySpan<int> MarksOf(int index)
    {
        var ballot = _ballots[index];
        return _marks.Run(ballot.Start, ballot.Length);
    }

    public decimal WeightOf(int index) => _weights[_ballots[index].Weight];

    public string? GroupOf(int index) => _ballots[index].Group < 0 ? null : _groups[_ballots[index].Group];

    /// <summary>The index of a weight in <see cref="Weights"/> (added when new; 0.5 and 0.50 are one weight).</summary>
    public int WeightIndex(decimal weight)
    {
        if (_weights.Count > 0 && weight == _weights[^1])
        {
            return _weights.Count - 1; // lines mostly repeat the weight before (1)
        }
        if (!_weightIndex.TryGetValue(weight, out var index))
        {
            index = _weights.Count;
            _weights.Add(weight);
            _weightIndex[weight] = index;
        }
        return index;
    }

    /// <summary>The index of a group in <see cref="Groups"/> (added when new), or −1 for none.</summary>
    public int GroupIndex(string? group)
    {
        if (group is null)
        {
            return -1;
        }
        if (!_groupIndex.TryGetValue(group, out var index))
        {
            index = _groups.Count;
            _groups.Add(group);
            _groupIndex[group] = index;
        }
        return index;
    }

    /// <summary>Stores a ballot (at most <see cref="MaxItems"/> items); returns its index.</summary>
    public int Add(ReadOnlySpan<byte> positions, ReadOnlySpan<int> marks, long count, int weight, int group)
    {
        var start = _positions.AddRun(positions);
        _marks.AddRun(marks);
        _ballots.Add(new StoredBallot(start, positions.Length, count, weight, group));
        return Count++;
    }

    /// <summary>
    /// Adds <paramref name="count"/> to the identical ballot already stored, or stores a new one (<paramref name="added"/>).
    /// Not to be mixed with <see cref="Add"/> on the same store.
    /// </summary>
    public int AddOrMerge(ReadOnlySpan<byte> positions, ReadOnlySpan<int> marks, long count, int weight, int group, out bool added)
    {
        if (2 * (Count + 1) > _buckets.Length)
        {
            Rehash(Math.Max(64, _buckets.Length * 2));
        }
        var hash = Hash(positions, marks, weight, group);
        var mask = _buckets.Length - 1;
        var slot = hash & mask;
        while (_buckets[slot] != 0)
        {
            if ((int)(_buckets[slot] >> 32) == hash)
            {
                var index = (int)_buckets[slot] - 1;
                var stored = _ballots[index];
                if (stored.Weight == weight && stored.Group == group
                    && positions.SequenceEqual(PositionsOf(index)) && marks.SequenceEqual(MarksOf(index)))
                {
                    AddCount(index, count);
                    added = false;
                    return index;
                }
            }
            slot = (slot + 1) & mask;
        }
        var ballot = Add(positions, marks, count, weight, group);
        _buckets[slot] = ((long)hash << 32) | (uint)(ballot + 1);
        added = true;
        return ballot;
    }

    /// <summary>Adds <paramref name="count"/> identical ballots to ballot <paramref name="index"/>.</summary>
    public void AddCount(int index, long count) => _ballots[index] = _ballots[index] with { Count = _ballots[index].Count + count };

    /// <summary>Frees the merge table once a file is read (it is needed only to merge).</summary>
    public void EndMerging() => _buckets = [];

    private void Rehash(int size)
    {
        var old = _buckets;
        _buckets = new long[size];
        var mask = size - 1;
        foreach (var entry in old)
        {
            if (entry == 0)
            {
                continue;
            }
            var slot = (int)(entry >> 32) & mask;
            while (_buckets[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            _buckets[slot] = entry;
        }
    }

    private static int Hash(ReadOnlySpan<byte> positions, ReadOnlySpan<int> marks, int weight, int group)
    {
        var hash = new HashCode();
        hash.AddBytes(positions);
        hash.AddBytes(MemoryMarshal.AsBytes(marks));
        hash.Add(weight);
        hash.Add(group);
        // Non-negative, so that "& mask" gives a slot.
        return hash.ToHashCode() & int.MaxValue;
    }
}
