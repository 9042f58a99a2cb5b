namespace Tables.Voting.Counting;

/// <summary>Majority judgment (see <see cref="MajorityJudgmentExplanation"/> for the rule).</summary>
internal static class MajorityJudgmentCount
{
    public static MethodOutcome Count(TallyInput input)
    {
        var n = input.N;
        var grades = (input.Rules.MaxValue ?? 5) + 1;
        var profiles = new long[n][];
        var rated = new long[n];
        for (var i = 0; i < n; i++)
        {
            profiles[i] = new long[grades];
        }
        for (var b = 0; b < input.BallotCount; b++)
        {
            var units = input.UnitsOf(b);
            var options = input.PositionsOf(b);
            var marks = input.MarksOf(b);
            for (var k = 0; k < options.Length; k++)
            {
                profiles[options[k]][marks[k]] += units;
                rated[options[k]] += units;
            }
        }
        for (var i = 0; i < n; i++)
        {
            profiles[i][0] += input.TotalUnits - rated[i]; // unrated = the lowest grade
        }
        var medians = profiles.Select(p => Median(p, input.TotalUnits)).ToArray();
        var explanation = new MajorityJudgmentExplanation
        {
            Grades = grades,
            Options = Enumerable.Range(0, n).ToDictionary(i => input.Options[i], i => Merit(profiles[i], medians[i], input)),
        };
        return new MethodOutcome(
            RankOrder.Best(Enumerable.Range(0, n), (a, b) => Compare(profiles[a], profiles[b], input.TotalUnits, input.UnitStep)),
            medians.Select(m => (decimal)m).ToArray(),
            explanation,
            "pairwise",
            w => Pairwise.WeakestSupport(input, w));
    }

    /// <summary>The lower median: the lowest grade g with at least ⌈T/2⌉ units graded g or lower.</summary>
    internal static int Median(long[] profile, long total)
    {
        var half = (total + 1) / 2;
        var cumulative = 0L;
        for (var g = 0; g < profile.Length; g++)
        {
            cumulative += profile[g];
            if (cumulative >= half && cumulative > 0)
            {
                return g;
            }
        }
        return 0;
    }

    /// <summary>Positive when profile a ranks above profile b.</summary>
    internal static int Compare(long[] a, long[] b, long total, long step)
    {
        if (a.AsSpan().SequenceEqual(b))
        {
            return 0;
        }
        long[]? copyA = null, copyB = null;
        var pa = a;
        var pb = b;
        while (total > 0)
        {
            var ma = Median(pa, total);
            var mb = Median(pb, total);
            if (ma != mb)
            {
                return ma.CompareTo(mb);
            }
            var (plusA, figureA) = Gauge(pa, ma);
            var (plusB, figureB) = Gauge(pb, mb);
            if (plusA != plusB)
            {
                return plusA ? 1 : -1;
            }
            if (figureA != figureB)
            {
                // Two "+": the larger share above is better. Two "−": the larger share below is worse.
                return plusA ? figureA.CompareTo(figureB) : figureB.CompareTo(figureA);
            }
            // Still equal: take one median grade out of each profile and compare again.
            copyA ??= (long[])a.Clone();
            copyB ??= (long[])b.Clone();
            pa = copyA;
            pb = copyB;
            var take = Math.Min(step, Math.Min(pa[ma], pb[mb]));
            pa[ma] -= take;
            pb[mb] -= take;
            total -= take;
            if (pa.AsSpan().SequenceEqual(pb))
            {
                return 0;
            }
        }
        return 0;
    }

    /// <summary>("+", units above) when more units are above the median than below, else ("−", units below).</summary>
    private static (bool Plus, long Figure) Gauge(long[] profile, int median)
    {
        long above = 0, below = 0;
        for (var g = 0; g < profile.Length; g++)
        {
            if (g > median)
            {
                above += profile[g];
            }
            else if (g < median)
            {
                below += profile[g];
            }
        }
        return above > below ? (true, above) : (false, below);
    }

    private static MeritProfile Merit(long[] profile, int median, TallyInput input)
    {
        var (plus, _) = Gauge(profile, median);
        long above = profile.Skip(median + 1).Sum(), below = profile.Take(median).Sum();
        return new MeritProfile(profile.Select(input.Figure).ToArray(), profile.Select(input.Share).ToArray(), median,
            input.Share(above), input.Share(below), plus ? "+" : "-");
    }
}
