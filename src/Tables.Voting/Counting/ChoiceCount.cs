namespace Tables.Voting.Counting;

/// <summary>What the rated methods add up.</summary>
internal static class Marks
{
    /// <summary>Per option: the weighted sum of its values, and the weight of the ballots that marked it (a 0 is a
    /// mark for score, "not chosen" for plurality, approval and cumulative).</summary>
    public static (long[] Sums, long[] MarkedBy) Sum(TallyInput input)
    {
        var sums = new long[input.N];
        var markedBy = new long[input.N];
        var zeroIsMark = input.Rules.Method is VotingMethod.Score or VotingMethod.MajorityJudgment;
        for (var b = 0; b < input.BallotCount; b++)
        {
            var units = input.UnitsOf(b);
            var positions = input.PositionsOf(b);
            var marks = input.MarksOf(b);
            for (var k = 0; k < positions.Length; k++)
            {
                if (marks[k] != 0 || zeroIsMark)
                {
                    sums[positions[k]] += marks[k] * units;
                    markedBy[positions[k]] += units;
                }
            }
        }
        return (sums, markedBy);
    }
}

/// <summary>Plurality, approval and cumulative: each option's votes, approvals or points, summed; most wins.</summary>
internal static class ChoiceCount
{
    public static MethodOutcome Count(TallyInput input)
    {
        var (votes, supporters) = Marks.Sum(input);
        var rules = input.Rules;
        var explanation = new ChoiceExplanation
        {
            MaxChoices = rules.Method == VotingMethod.Approval ? rules.MaxChoices : null,
            MaxPoints = rules.MaxPoints,
            MaxPerOption = rules.Method == VotingMethod.Cumulative ? rules.MaxValue : null,
            Options = Enumerable.Range(0, input.N).ToDictionary(i => input.Options[i],
                i => new ChoiceFigures(input.Figure(votes[i]), input.Figure(supporters[i]), input.Share(supporters[i]))),
        };
        return new MethodOutcome(RankOrder.ByDescending(votes), votes.Select(input.Figure).ToArray(), explanation,
            "marked", w => supporters[w]);
    }
}

/// <summary>Score: sum of scores per option (unrated = 0), ranked by sum; the mean is shown.</summary>
internal static class ScoreCount
{
    public static MethodOutcome Count(TallyInput input)
    {
        var (sums, ratedBy) = Marks.Sum(input);
        var explanation = new ScoreExplanation
        {
            MaxScore = input.Rules.MaxValue ?? 0,
            Options = Enumerable.Range(0, input.N).ToDictionary(i => input.Options[i],
                i => new ScoreFigures(input.Figure(sums[i]), input.Share(sums[i]), input.Figure(ratedBy[i]))),
        };
        return new MethodOutcome(RankOrder.ByDescending(sums), sums.Select(input.Figure).ToArray(), explanation,
            "pairwise", w => Pairwise.WeakestSupport(input, w));
    }
}

/// <summary>Borda (see <see cref="BordaExplanation"/> for the points), with points doubled internally to stay whole.</summary>
internal static class BordaCount
{
    public static MethodOutcome Count(TallyInput input)
    {
        var n = input.N;
        var doubled = new long[n];
        var rankedBy = new long[n];
        var everyone = 0L; // points given to every option, taken back from the ranked ones
        for (var b = 0; b < input.BallotCount; b++)
        {
            var u = input.UnitsOf(b);
            var options = input.PositionsOf(b);
            var marks = input.MarksOf(b);
            var m = options.Length;
            var unrankedShare = n - m - 1L; // doubled mean of the points of positions m+1..n
            everyone += unrankedShare * u;
            var start = 0;
            while (start < m)
            {
                var end = start;
                while (end < m && marks[end] == marks[start])
                {
                    end++;
                }
                // Positions start+1..end (1-based) share their points: doubled mean = 2n − (start+1) − end.
                var points = 2L * n - (start + 1) - end;
                for (var k = start; k < end; k++)
                {
                    doubled[options[k]] += (points - unrankedShare) * u;
                    rankedBy[options[k]] += u;
                }
                start = end;
            }
        }
        for (var i = 0; i < n; i++)
        {
            doubled[i] += everyone;
        }
        var points2 = doubled.Select(d => input.Figure(d) / 2).ToArray();
        var explanation = new BordaExplanation
        {
            OptionCount = n,
            PointsByPosition = Enumerable.Range(1, n).Select(p => n - p).ToArray(),
            Options = Enumerable.Range(0, n).ToDictionary(i => input.Options[i],
                i => new BordaFigures(points2[i], input.Figure(rankedBy[i]), input.Figure(input.TotalUnits - rankedBy[i]))),
        };
        return new MethodOutcome(RankOrder.ByDescending(doubled), points2, explanation,
            "pairwise", w => Pairwise.WeakestSupport(input, w));
    }
}
