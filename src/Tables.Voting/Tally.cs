using Tables.Voting.Counting;

namespace Tables.Voting;

/// <summary>
/// Counts ballots with a method: checks every ballot first (any invalid ballot stops the count and nothing is
/// returned), counts blank ballots apart, weighs each ballot by count × weight, orders the options, breaks the ties the
/// method cannot break with the seeded draw, and reports turnout, the required majority and a breakdown by group.
/// Pure and thread-safe.
/// </summary>
public static class Tally
{
    /// <summary>The most options a count may have.</summary>
    public const int MaxOptions = 200;

    /// <summary>Counts <paramref name="ballots"/> for <paramref name="options"/> (tokens, in display order).</summary>
    /// <exception cref="VotingException">Invalid options, method options or ballots (each error names its ballot, 1-based).</exception>
    public static TallyResult Count(VotingMethod method, IReadOnlyList<string> options, IEnumerable<Ballot> ballots,
        MethodOptions? methodOptions = null) =>
        Count(method, options, ballots, methodOptions ?? MethodOptions.Default, locate: null);

    /// <summary>Counts the ballots of a file; errors name the line and column of the ballot at fault.</summary>
    public static TallyResult Count(VotingMethod method, BallotFile file, MethodOptions? methodOptions = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Count(method, file.OptionTokens, file.Ballots, methodOptions ?? MethodOptions.Default, file.Locate);
    }

    private static TallyResult Count(VotingMethod method, IReadOnlyList<string> options, IEnumerable<Ballot> ballots,
        MethodOptions methodOptions, Func<int, VotingError, VotingError>? locate)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ballots);
        var validator = new BallotValidator(method, methodOptions, options);
        var compiled = new List<CompiledBallot>();
        var errors = new List<VotingError>();
        var index = 0;
        foreach (var ballot in ballots)
        {
            ArgumentNullException.ThrowIfNull(ballot);
            if (validator.Compile(ballot, out var c) is { } error)
            {
                errors.Add(locate is null ? error.ForBallot(index + 1) : locate(index, error));
                if (errors.Count >= VotingException.MaxErrors)
                {
                    break;
                }
            }
            compiled.Add(c);
            index++;
        }
        if (errors.Count > 0)
        {
            throw new VotingException(errors);
        }
        var scale = TallyInput.ScaleOf(compiled);
        TallyInput.AssignUnits(compiled, scale);
        var groups = compiled.Where(b => b.Group is not null).Select(b => b.Group!).Distinct().Order(StringComparer.Ordinal).ToArray();
        // Each group is counted alone, without a draw: the draw decides only the overall result.
        var byGroup = groups.Length == 0
            ? null
            : groups.ToDictionary(g => g, g => CountCompiled(validator, methodOptions, compiled.Where(b => b.Group == g).ToList(), scale, seed: null, byGroup: null));
        return CountCompiled(validator, methodOptions, compiled, scale, methodOptions.Seed, byGroup);
    }

    private static TallyResult CountCompiled(BallotValidator validator, MethodOptions methodOptions,
        IReadOnlyList<CompiledBallot> compiled, int scale, string? seed, IReadOnlyDictionary<string, TallyResult>? byGroup)
    {
        var tokens = validator.Options.ToArray();
        var input = TallyInput.Create(tokens, validator.Rules, compiled, scale);
        var ballots = compiled.Sum(b => b.Count);
        var blank = compiled.Where(b => b.IsBlank).Sum(b => b.Count);
        // Nothing counted, nothing to order: no draw, but the seed given is still reported.
        var tieBreaker = new TieBreaker(seed, tokens, canDraw: input.TotalUnits > 0);
        var outcome = validator.Method switch
        {
            VotingMethod.Plurality or VotingMethod.Approval or VotingMethod.Cumulative => ChoiceCount.Count(input),
            VotingMethod.Score => ScoreCount.Count(input),
            VotingMethod.Borda => BordaCount.Count(input),
            VotingMethod.Schulze => SchulzeCount.Count(input),
            VotingMethod.InstantRunoff => InstantRunoffCount.Count(input, tieBreaker),
            VotingMethod.MajorityJudgment => MajorityJudgmentCount.Count(input),
            _ => throw new ArgumentOutOfRangeException(nameof(validator)),
        };
        var ranking = input.TotalUnits == 0
            ? [Enumerable.Range(0, input.N).ToArray()]
            : tieBreaker.Resolve(outcome.Ranking);
        var winners = input.TotalUnits == 0 ? [] : ranking[0];
        MajorityReport? majority = null;
        if (methodOptions.Majority is { } required)
        {
            var supports = winners.Select(outcome.Support).DefaultIfEmpty(0).ToArray();
            var least = supports.Min();
            majority = new MajorityReport
            {
                Required = required,
                Basis = outcome.SupportBasis,
                Share = input.Share(least),
                Met = winners.Length > 0 && supports.All(s => required.IsMetBy(s, input.TotalUnits)),
            };
        }
        return new TallyResult
        {
            Method = validator.Method,
            Ballots = ballots,
            BlankBallots = blank,
            CountedWeight = input.Figure(input.TotalUnits),
            Winners = winners.Select(i => tokens[i]).ToArray(),
            Ranking = ranking.Select(g => (IReadOnlyList<string>)g.Select(i => tokens[i]).ToArray()).ToArray(),
            Scores = Enumerable.Range(0, input.N).ToDictionary(i => tokens[i], i => outcome.Scores[i]),
            Explanation = outcome.Explanation,
            TieBreak = tieBreaker.Report(),
            Turnout = new TurnoutReport
            {
                Ballots = ballots,
                Quorum = methodOptions.Quorum,
                QuorumMet = methodOptions.Quorum is { } q ? ballots >= q : null,
            },
            Majority = majority,
            ByGroup = byGroup,
        };
    }
}
