namespace Tables.Voting.Counting;

/// <summary>
/// What a method counts: the options, the limits and the counted (non-blank, checked) ballots of a store. Weights are
/// exact: every ballot weighs an integer number of units, a unit being 10^−s where s is the most decimals of any
/// weight (at most 6), so sums do not depend on ballot order and ties are exact.
/// </summary>
internal sealed class TallyInput
{
    /// <summary>The largest total weight, in units; with values ≤ 1000 and ≤ 200 options every sum fits a long.</summary>
    public const long MaxUnits = 1_000_000_000_000_000;

    private readonly BallotStore _store;
    private readonly int[] _ballots;
    private readonly long[] _units;

    /// <param name="ballots">Indexes in <paramref name="store"/> of the counted ballots.</param>
    /// <param name="units">Count × weight of each, in units (parallel to <paramref name="ballots"/>).</param>
    /// <param name="weightUnits">The units of one ballot of each weight of the store (0 for weights not counted).</param>
    public TallyInput(string[] options, MethodRules rules, BallotStore store, int[] ballots, long[] units, long[] weightUnits, int scale)
    {
        Options = options;
        Rules = rules;
        _store = store;
        _ballots = ballots;
        _units = units;
        Scale = scale;
        UnitValue = 1m / Pow10(scale);
        var total = 0L;
        var step = 0L;
        for (var b = 0; b < ballots.Length; b++)
        {
            total += units[b];
            step = Gcd(step, weightUnits[store[ballots[b]].Weight]);
        }
        TotalUnits = total;
        UnitStep = Math.Max(step, 1);
    }

    public string[] Options { get; }
    public int N => Options.Length;
    public MethodRules Rules { get; }

    /// <summary>The number of counted ballots (each may stand for several identical ones).</summary>
    public int BallotCount => _ballots.Length;

    public long TotalUnits { get; }
    public int Scale { get; }
    public decimal UnitValue { get; }

    /// <summary>The weight of one ballot in units: with weights, the greatest common divisor of the ballots' weights
    /// (counts left out, so that the same ballots give the same step however the lines are grouped).</summary>
    public long UnitStep { get; }

    /// <summary>Count × weight of counted ballot <paramref name="b"/>, in units.</summary>
    public long UnitsOf(int b) => _units[b];

    /// <summary>Positions of the options on counted ballot <paramref name="b"/> (ranking order, or as given).</summary>
    public ReadOnlySpan<byte> PositionsOf(int b) => _store.PositionsOf(_ballots[b]);

    /// <summary>For each position: its tie group, 0 = best (ranked), or its value (rated; 0 may mean "not chosen").</summary>
    public ReadOnlySpan<int> MarksOf(int b) => _store.MarksOf(_ballots[b]);

    public decimal Figure(long units) => units * UnitValue;

    /// <summary>Units ÷ total, six decimals; 0 when nothing was counted.</summary>
    public decimal Share(long units) => TotalUnits == 0 ? 0m : Math.Round((decimal)units / TotalUnits, 6);

    internal static decimal Pow10(int scale)
    {
        var factor = 1m;
        for (var i = 0; i < scale; i++)
        {
            factor *= 10;
        }
        return factor;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}

/// <summary>Orders options best first into tie groups.</summary>
internal static class RankOrder
{
    /// <summary>
    /// Sorts <paramref name="candidates"/> best first by <paramref name="compare"/> (positive when the first is
    /// better); options comparing equal share a group, kept in option order.
    /// </summary>
    public static List<int[]> Best(IEnumerable<int> candidates, Comparison<int> compare)
    {
        var sorted = candidates.Order().OrderBy(i => i, Comparer<int>.Create((a, b) => compare(b, a))).ToArray();
        var groups = new List<int[]>();
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || compare(sorted[start], sorted[i]) != 0)
            {
                groups.Add(sorted[start..i]);
                start = i;
            }
        }
        return groups;
    }

    /// <summary>All options, highest key first.</summary>
    public static List<int[]> ByDescending(long[] keys) =>
        Best(Enumerable.Range(0, keys.Length), (a, b) => keys[a].CompareTo(keys[b]));
}
