using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Tables.Voting;

/// <summary>
/// The reproducible draw that breaks ties (docs/VOTING.md, "Tie-break draw"). The state starts as the first 8 bytes,
/// big-endian, of SHA-256 of the seed's UTF-8 bytes; numbers come from SplitMix64; tied tokens are sorted ordinally,
/// then shuffled by Fisher–Yates from the last position down, each index drawn without bias by rejection.
/// Anyone can re-do it with the published seed.
/// </summary>
public sealed class SeededDraw
{
    private ulong _state;

    public SeededDraw(string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        Seed = seed;
        _state = InitialState(seed);
    }

    public string Seed { get; }

    /// <summary>The first 8 bytes (big-endian) of SHA-256 of the seed's UTF-8 bytes.</summary>
    public static ulong InitialState(string seed) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));

    /// <summary>SplitMix64.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A number in [0, <paramref name="bound"/>): draws x until x &lt; 2^64 − (2^64 mod bound), returns x mod bound.</summary>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        var rejected = (ulong.MaxValue % bound + 1) % bound; // 2^64 mod bound
        while (true)
        {
            var x = NextUInt64();
            if (rejected == 0 || x <= ulong.MaxValue - rejected)
            {
                return x % bound;
            }
        }
    }

    /// <summary>Sorts the tokens ordinally, then shuffles them; the result is the drawn order, first = best placed.</summary>
    public IReadOnlyList<string> Shuffle(IEnumerable<string> tokens)
    {
        var order = tokens.ToArray();
        Array.Sort(order, StringComparer.Ordinal);
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = (int)NextBelow((ulong)i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}

/// <summary>One count's draws: made in the order the count needs them, and recorded for the result.</summary>
internal sealed class TieBreaker(string? seed, IReadOnlyList<string> options, bool canDraw = true)
{
    private readonly SeededDraw? _draw = seed is null || !canDraw ? null : new SeededDraw(seed);
    private readonly List<TieDraw> _draws = [];

    public bool CanDraw => _draw is not null;

    /// <summary>The tied option positions in drawn order, best first.</summary>
    public int[] Draw(IReadOnlyCollection<int> tied, string stage, int? round = null)
    {
        var tokens = tied.Select(i => options[i]).ToArray();
        var order = _draw!.Shuffle(tokens);
        _draws.Add(new TieDraw
        {
            Stage = stage,
            Round = round,
            Tied = tokens.Order(StringComparer.Ordinal).ToArray(),
            Order = order,
        });
        return order.Select(t => tied.First(i => options[i] == t)).ToArray();
    }

    /// <summary>Splits each tie group of the ranking by the draw, when there is a seed.</summary>
    public List<int[]> Resolve(List<int[]> ranking)
    {
        if (!CanDraw)
        {
            return ranking;
        }
        var resolved = new List<int[]>(ranking.Count);
        foreach (var group in ranking)
        {
            if (group.Length == 1)
            {
                resolved.Add(group);
                continue;
            }
            resolved.AddRange(Draw(group, "ranking").Select(i => new[] { i }));
        }
        return resolved;
    }

    public TieBreakReport Report() => new() { Seed = seed, Used = _draws.Count > 0, Draws = _draws.ToArray() };
}
