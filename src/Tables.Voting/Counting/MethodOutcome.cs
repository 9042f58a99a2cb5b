namespace Tables.Voting.Counting;

/// <summary>What a method gives back to <see cref="Tally"/>: the order (ties unbroken), the figures, the explanation,
/// and how to measure a winner's support for the required majority.</summary>
internal sealed record MethodOutcome(
    List<int[]> Ranking,
    decimal[] Scores,
    TallyExplanation Explanation,
    string SupportBasis,
    Func<int, long> Support);

/// <summary>Pairwise comparisons shared by the ranked and rated methods.</summary>
internal static class Pairwise
{
    /// <summary>
    /// matrix[i * n + j] = weight of ballots ranking i above j; an unranked option is below every ranked one and tied
    /// with the other unranked ones.
    /// </summary>
    public static long[] RankedMatrix(TallyInput input)
    {
        var n = input.N;
        var matrix = new long[n * n];
        var rank = new int[n];
        Array.Fill(rank, int.MaxValue);
        for (var b = 0; b < input.BallotCount; b++)
        {
            var u = input.UnitsOf(b);
            var options = input.PositionsOf(b);
            var marks = input.MarksOf(b);
            for (var k = 0; k < options.Length; k++)
            {
                rank[options[k]] = marks[k];
            }
            for (var i = 0; i < n; i++)
            {
                var ri = rank[i];
                var row = i * n;
                for (var j = i + 1; j < n; j++)
                {
                    var rj = rank[j];
                    if (ri < rj)
                    {
                        matrix[row + j] += u;
                    }
                    else if (rj < ri)
                    {
                        matrix[j * n + i] += u;
                    }
                }
            }
            foreach (var option in options)
            {
                rank[option] = int.MaxValue;
            }
        }
        return matrix;
    }

    /// <summary>
    /// The least, over the other options y, of the weight of ballots preferring <paramref name="w"/> to y: ranked
    /// above it (ranked ballots) or given a higher value, an unrated option counting 0 (rated ballots).
    /// With a single option, every counted ballot supports it.
    /// </summary>
    public static long WeakestSupport(TallyInput input, int w)
    {
        var n = input.N;
        if (n == 1)
        {
            return input.TotalUnits;
        }
        var ranked = input.Rules.Method.Kind() == BallotKind.Ranked;
        // Lower is better for ranks, higher for values: store ranks negated so "greater is preferred" in both.
        var unmarked = ranked ? int.MinValue : 0;
        var level = new int[n];
        Array.Fill(level, unmarked);
        var support = new long[n];
        for (var b = 0; b < input.BallotCount; b++)
        {
            var options = input.PositionsOf(b);
            var marks = input.MarksOf(b);
            for (var k = 0; k < options.Length; k++)
            {
                level[options[k]] = ranked ? -marks[k] : marks[k];
            }
            var mine = level[w];
            for (var y = 0; y < n; y++)
            {
                if (mine > level[y])
                {
                    support[y] += input.UnitsOf(b);
                }
            }
            foreach (var option in options)
            {
                level[option] = unmarked;
            }
        }
        return Enumerable.Range(0, n).Where(y => y != w).Min(y => support[y]);
    }
}
