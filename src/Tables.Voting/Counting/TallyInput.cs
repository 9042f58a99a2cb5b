namespace Tables.Voting.Counting;

/// <summary>
/// What a method counts: the options, the limits and the non-blank ballots. Weights are exact: every ballot weighs
/// an integer number of units, a unit being 10^−s where s is the most decimals of any weight (at most 6), so sums
/// do not depend on ballot order and ties are exact.
/// </summary>
internal sealed class TallyInput
{
    /// <summary>The largest total weight, in units; with values ≤ 1000 and ≤ 200 options every sum fits a long.</summary>
    public const long MaxUnits = 1_000_000_000_000_000;

    private TallyInput(string[] options, MethodRules rules, CompiledBallot[] ballots, long totalUnits, int scale)
    {
        Options = options;
        Rules = rules;
        Ballots = ballots;
        TotalUnits = totalUnits;
        Scale = scale;
        UnitValue = 1m / Pow10(scale);
        UnitStep = ballots.Length == 0 ? 1 : ballots.Select(b => b.Units).Aggregate(Gcd);
    }

    public string[] Options { get; }
    public int N => Options.Length;
    public MethodRules Rules { get; }
    public CompiledBallot[] Ballots { get; }
    public long TotalUnits { get; }
    public int Scale { get; }
    public decimal UnitValue { get; }

    /// <summary>The greatest common divisor of the ballots' units: the smallest weight one can remove.</summary>
    public long UnitStep { get; }

    public decimal Figure(long units) => units * UnitValue;

    /// <summary>Units ÷ total, six decimals; 0 when nothing was counted.</summary>
    public decimal Share(long units) => TotalUnits == 0 ? 0m : Math.Round((decimal)units / TotalUnits, 6);

    /// <summary>The number of decimals units stand for: the most decimals of any non-blank ballot's weight.</summary>
    public static int ScaleOf(IEnumerable<CompiledBallot> ballots) =>
        ballots.Where(b => !b.IsBlank).Select(b => BallotValidator.WeightDecimals(b.Weight)).DefaultIfEmpty(0).Max();

    /// <summary>Sets each ballot's units (count × weight × 10^scale) and checks the total.</summary>
    public static void AssignUnits(IEnumerable<CompiledBallot> ballots, int scale)
    {
        var factor = Pow10(scale);
        decimal total = 0;
        foreach (var ballot in ballots)
        {
            if (ballot.IsBlank)
            {
                continue;
            }
            var units = ballot.Count * ballot.Weight * factor;
            total += units;
            if (total > MaxUnits)
            {
                throw new VotingException(ErrorCodes.TallyTooLarge, ("max", MaxUnits / (long)factor));
            }
            ballot.Units = (long)units;
        }
    }

    public static TallyInput Create(string[] options, MethodRules rules, IEnumerable<CompiledBallot> ballots, int scale)
    {
        var counted = ballots.Where(b => !b.IsBlank).ToArray();
        var total = 0L;
        foreach (var ballot in counted)
        {
            total += ballot.Units;
        }
        return new TallyInput(options, rules, counted, total, scale);
    }

    private static decimal Pow10(int scale)
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
