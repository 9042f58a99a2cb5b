namespace Tables.Voting.Counting;

/// <summary>Schulze with winning votes (see <see cref="SchulzeExplanation"/>).</summary>
internal static class SchulzeCount
{
    public static MethodOutcome Count(TallyInput input)
    {
        var n = input.N;
        var d = Pairwise.RankedMatrix(input);
        var p = StrongestPaths(d, n);
        var wins = new int[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j && p[i * n + j] > p[j * n + i])
                {
                    wins[i]++;
                }
            }
        }
        var explanation = new SchulzeExplanation
        {
            Options = input.Options,
            Pairwise = Rows(d, n, input),
            StrongestPaths = Rows(p, n, input),
            Wins = Enumerable.Range(0, n).ToDictionary(i => input.Options[i], i => wins[i]),
        };
        return new MethodOutcome(
            RankOrder.Best(Enumerable.Range(0, n), (a, b) => wins[a].CompareTo(wins[b])),
            wins.Select(w => (decimal)w).ToArray(),
            explanation,
            "pairwise",
            w => Enumerable.Range(0, n).Where(y => y != w).Select(y => d[w * n + y]).DefaultIfEmpty(input.TotalUnits).Min());
    }

    /// <summary>The widest-path (Floyd–Warshall) step of Schulze's method.</summary>
    internal static long[] StrongestPaths(long[] d, int n)
    {
        var p = new long[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j && d[i * n + j] > d[j * n + i])
                {
                    p[i * n + j] = d[i * n + j];
                }
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var pji = p[j * n + i];
                if (i == j || pji == 0)
                {
                    continue;
                }
                var row = j * n;
                var irow = i * n;
                for (var k = 0; k < n; k++)
                {
                    if (k != i && k != j)
                    {
                        var through = Math.Min(pji, p[irow + k]);
                        if (through > p[row + k])
                        {
                            p[row + k] = through;
                        }
                    }
                }
            }
        }
        return p;
    }

    private static decimal[][] Rows(long[] matrix, int n, TallyInput input) =>
        Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => input.Figure(matrix[i * n + j])).ToArray()).ToArray();
}
