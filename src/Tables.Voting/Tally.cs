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
        MethodOptions? methodOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ballots);
        methodOptions ??= MethodOptions.Default;
        var validator = new BallotValidator(method, methodOptions, options);
        var store = new BallotStore();
        var counted = new List<int>();
        var blank = new List<int>();
        var errors = new List<VotingError>();
        var number = 0;
        foreach (var ballot in ballots)
        {
            ArgumentNullException.ThrowIfNull(ballot);
            number++;
            if (validator.Compile(ballot, store, out var isBlank) is { } error)
            {
                errors.Add(error.ForBallot(number));
                if (errors.Count >= VotingException.MaxErrors)
                {
                    break;
                }
                continue;
            }
            (isBlank ? blank : counted).Add(store.Count - 1);
        }
        if (errors.Count > 0)
        {
            throw new VotingException(errors);
        }
        return Count(validator, methodOptions, store, counted, blank);
    }

    /// <summary>Counts the ballots of a file; errors name the line and column of the ballot at fault (the first line
    /// of identical ones).</summary>
    public static TallyResult Count(VotingMethod method, BallotFile file, MethodOptions? methodOptions = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        methodOptions ??= MethodOptions.Default;
        var validator = new BallotValidator(method, methodOptions, file.OptionTokens);
        var content = file.Content;
        var store = content.Store;
        // Weights and groups are few: each is checked once.
        var weightErrors = store.Weights.Select(BallotValidator.CheckWeight).ToArray();
        var groupErrors = store.Groups.Select(BallotValidator.CheckGroup).ToArray();
        var kindError = content.Kind == method.Kind()
            ? null
            : new VotingError(method.Kind() == BallotKind.Ranked ? ErrorCodes.RankingExpected : ErrorCodes.ValuesExpected,
                new Dictionary<string, object?> { ["method"] = method.Token() });
        var counted = new List<int>();
        var blank = new List<int>();
        var errors = new List<VotingError>();
        for (var index = 0; index < store.Count && errors.Count < VotingException.MaxErrors; index++)
        {
            var ballot = store[index];
            var at = -1;
            var isBlank = ballot.Length == 0;
            var error = weightErrors[ballot.Weight] ?? (ballot.Group < 0 ? null : groupErrors[ballot.Group]) ?? (isBlank ? null : kindError)
                ?? validator.Check(store.PositionsOf(index), store.MarksOf(index), out at, out isBlank);
            if (error is not null)
            {
                errors.Add(content.Locate(index, at, error));
                continue;
            }
            (isBlank ? blank : counted).Add(index);
        }
        if (errors.Count > 0)
        {
            throw new VotingException(errors);
        }
        return Count(validator, methodOptions, store, counted, blank);
    }

    private static TallyResult Count(BallotValidator validator, MethodOptions methodOptions, BallotStore store, List<int> counted, List<int> blank)
    {
        // Units: every weight as a whole number of 10^−scale, scale being the most decimals of a counted ballot's weight.
        var used = new bool[store.Weights.Count];
        foreach (var index in counted)
        {
            used[store[index].Weight] = true;
        }
        var scale = Enumerable.Range(0, used.Length).Where(w => used[w]).Select(w => BallotValidator.WeightDecimals(store.Weights[w])).DefaultIfEmpty(0).Max();
        var factor = TallyInput.Pow10(scale);
        var weightUnits = Enumerable.Range(0, used.Length).Select(w => used[w] ? (long)(store.Weights[w] * factor) : 0).ToArray();
        var units = new long[counted.Count];
        var total = 0L;
        for (var b = 0; b < units.Length; b++)
        {
            var ballot = store[counted[b]];
            var one = weightUnits[ballot.Weight];
            if (ballot.Count > TallyInput.MaxUnits / one)
            {
                throw new VotingException(ErrorCodes.TallyTooLarge, ("max", TallyInput.MaxUnits / (long)factor));
            }
            units[b] = ballot.Count * one;
            total += units[b];
            if (total > TallyInput.MaxUnits)
            {
                throw new VotingException(ErrorCodes.TallyTooLarge, ("max", TallyInput.MaxUnits / (long)factor));
            }
        }
        var all = new CountedBallots(counted.ToArray(), units, blank.ToArray());
        var groups = counted.Concat(blank).Select(i => store[i].Group).Where(g => g >= 0).Distinct()
            .OrderBy(g => store.Groups[g], StringComparer.Ordinal).ToArray();
        // Each group is counted alone, without a draw: the draw decides only the overall result.
        var byGroup = groups.Length == 0
            ? null
            : groups.ToDictionary(g => store.Groups[g], g => CountCompiled(validator, methodOptions, store, all.OfGroup(store, g), weightUnits, scale, seed: null, byGroup: null));
        return CountCompiled(validator, methodOptions, store, all, weightUnits, scale, methodOptions.Seed, byGroup);
    }

    /// <summary>The counted ballots (indexes in the store, with their units) and the blank ones.</summary>
    private sealed record CountedBallots(int[] Counted, long[] Units, int[] Blank)
    {
        public CountedBallots OfGroup(BallotStore store, int group)
        {
            var keep = Enumerable.Range(0, Counted.Length).Where(b => store[Counted[b]].Group == group).ToArray();
            return new CountedBallots(keep.Select(b => Counted[b]).ToArray(), keep.Select(b => Units[b]).ToArray(),
                Blank.Where(i => store[i].Group == group).ToArray());
        }
    }

    private static TallyResult CountCompiled(BallotValidator validator, MethodOptions methodOptions, BallotStore store,
        CountedBallots ballots, long[] weightUnits, int scale, string? seed, IReadOnlyDictionary<string, TallyResult>? byGroup)
    {
        var tokens = validator.Options.ToArray();
        var input = new TallyInput(tokens, validator.Rules, store, ballots.Counted, ballots.Units, weightUnits, scale);
        var blank = ballots.Blank.Sum(i => store[i].Count);
        var total = ballots.Counted.Sum(i => store[i].Count) + blank;
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
            Ballots = total,
            BlankBallots = blank,
            CountedWeight = input.Figure(input.TotalUnits),
            Winners = winners.Select(i => tokens[i]).ToArray(),
            Ranking = ranking.Select(g => (IReadOnlyList<string>)g.Select(i => tokens[i]).ToArray()).ToArray(),
            Scores = Enumerable.Range(0, input.N).ToDictionary(i => tokens[i], i => outcome.Scores[i]),
            Explanation = outcome.Explanation,
            TieBreak = tieBreaker.Report(),
            Turnout = new TurnoutReport
            {
                Ballots = total,
                Quorum = methodOptions.Quorum,
                QuorumMet = methodOptions.Quorum is { } q ? total >= q : null,
            },
            Majority = majority,
            ByGroup = byGroup,
        };
    }
}
