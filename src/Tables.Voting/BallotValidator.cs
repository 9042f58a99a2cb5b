namespace Tables.Voting;

/// <summary>
/// Checks ballots against a method, its options and the list of option tokens: unknown or repeated options,
/// the wrong kind of ballot (a ranking for a rated method or values for a ranked one), more than k choices, values
/// or grades out of range, too many points, ties where instant-runoff needs a strict order, invalid count, weight or
/// group. Blank ballots are always valid. Safe to share between threads.
/// </summary>
public sealed class BallotValidator
{
    /// <summary>The most a single line or ballot may count for.</summary>
    public const long MaxCount = 1_000_000_000;

    /// <summary>The largest weight of a ballot.</summary>
    public const decimal MaxWeight = 1_000_000m;

    /// <summary>The most decimals a weight may have.</summary>
    public const int MaxWeightDecimals = 6;

    /// <summary>The longest group name.</summary>
    public const int MaxGroupLength = 100;

    private readonly Dictionary<string, int> _index;

    /// <summary>Checks the option list and the method options (throws <see cref="VotingException"/>).</summary>
    public BallotValidator(VotingMethod method, MethodOptions options, IReadOnlyList<string> optionTokens)
    {
        OptionList.Check(optionTokens);
        Options = optionTokens.ToArray();
        Method = method;
        Rules = options.Resolve(method, Options.Count);
        _index = new Dictionary<string, int>(Options.Count, StringComparer.Ordinal);
        for (var i = 0; i < Options.Count; i++)
        {
            _index[Options[i]] = i;
        }
    }

    public VotingMethod Method { get; }
    public MethodRules Rules { get; }
    public IReadOnlyList<string> Options { get; }

    /// <summary>The position of an option token in <see cref="Options"/>, or −1.</summary>
    public int IndexOf(string token) => _index.TryGetValue(token, out var i) ? i : -1;

    /// <summary>Null when the ballot is valid, else the first problem (its "option" argument names the option at fault when there is one).</summary>
    public VotingError? Validate(Ballot ballot) => Compile(ballot, out _);

    /// <summary>Throws <see cref="VotingException"/> when the ballot is not valid.</summary>
    public void EnsureValid(Ballot ballot)
    {
        if (Validate(ballot) is { } error)
        {
            throw new VotingException(error);
        }
    }

    internal VotingError? Compile(Ballot ballot, out CompiledBallot compiled)
    {
        compiled = CompiledBallot.Blank;
        if (ballot.Count < 1 || ballot.Count > MaxCount)
        {
            return Error(ErrorCodes.InvalidCount, ("value", ballot.Count), ("max", MaxCount));
        }
        if (ballot.Weight <= 0 || ballot.Weight > MaxWeight || WeightDecimals(ballot.Weight) > MaxWeightDecimals)
        {
            return Error(ErrorCodes.InvalidWeight, ("value", ballot.Weight), ("max", MaxWeight), ("decimals", MaxWeightDecimals));
        }
        if (ballot.Group is { } group && (group.Length == 0 || group.Length > MaxGroupLength || group.Any(char.IsControl)))
        {
            return Error(ErrorCodes.InvalidGroup, ("max", MaxGroupLength));
        }
        if (ballot.IsBlank)
        {
            compiled = new CompiledBallot([], [], ballot.Count, ballot.Weight, ballot.Group);
            return null;
        }
        var ranked = Method.Kind() == BallotKind.Ranked;
        if (ranked && ballot.Ranking.Count == 0)
        {
            return Error(ErrorCodes.RankingExpected, ("method", Method.Token()));
        }
        if (!ranked && ballot.Values.Count == 0)
        {
            return Error(ErrorCodes.ValuesExpected, ("method", Method.Token()));
        }
        return ranked ? CompileRanking(ballot, out compiled) : CompileValues(ballot, out compiled);
    }

    private VotingError? CompileRanking(Ballot ballot, out CompiledBallot compiled)
    {
        compiled = CompiledBallot.Blank;
        var total = 0;
        foreach (var group in ballot.Ranking)
        {
            total += group.Count;
        }
        if (total > Options.Count)
        {
            // More entries than options: some option repeats; find it below.
            total = Options.Count + 1;
        }
        var options = new int[Math.Min(total, Options.Count)];
        var marks = new int[options.Length];
        Span<bool> seen = stackalloc bool[Options.Count];
        var n = 0;
        for (var g = 0; g < ballot.Ranking.Count; g++)
        {
            var group = ballot.Ranking[g];
            for (var k = 0; k < group.Count; k++)
            {
                var token = group[k] ?? "";
                if (!_index.TryGetValue(token, out var option))
                {
                    return Error(ErrorCodes.UnknownOptionOnBallot, ("option", token));
                }
                if (seen[option])
                {
                    return Error(ErrorCodes.DuplicateOptionOnBallot, ("option", token));
                }
                if (k > 0 && Method == VotingMethod.InstantRunoff)
                {
                    return Error(ErrorCodes.TieNotAllowed, ("option", token));
                }
                seen[option] = true;
                options[n] = option;
                marks[n] = g;
                n++;
            }
        }
        compiled = new CompiledBallot(options, marks, ballot.Count, ballot.Weight, ballot.Group);
        return null;
    }

    private VotingError? CompileValues(Ballot ballot, out CompiledBallot compiled)
    {
        compiled = CompiledBallot.Blank;
        // Plurality, approval and cumulative mark options with a positive value; 0 is "not chosen". Score and
        // majority judgment keep 0 as a real score or grade.
        var zeroIsMark = Method is VotingMethod.Score or VotingMethod.MajorityJudgment;
        var maxValue = Rules.MaxValue ?? int.MaxValue;
        var options = new List<int>(ballot.Values.Count);
        var marks = new List<int>(ballot.Values.Count);
        Span<bool> seen = stackalloc bool[Options.Count];
        var points = 0L;
        foreach (var (token, value) in ballot.Values)
        {
            if (!_index.TryGetValue(token, out var option))
            {
                return Error(ErrorCodes.UnknownOptionOnBallot, ("option", token));
            }
            if (seen[option])
            {
                return Error(ErrorCodes.DuplicateOptionOnBallot, ("option", token));
            }
            seen[option] = true;
            if (value < 0 || (value > maxValue && Method != VotingMethod.Cumulative))
            {
                return Error(ErrorCodes.ValueOutOfRange, ("option", token), ("value", value), ("min", 0), ("max", maxValue));
            }
            if (value > maxValue)
            {
                return Error(ErrorCodes.TooManyPointsOnOption, ("option", token), ("value", value), ("max", maxValue));
            }
            if (value == 0 && !zeroIsMark)
            {
                continue;
            }
            if (Rules.MaxChoices is { } k && options.Count >= k)
            {
                return Error(ErrorCodes.TooManyChoices, ("option", token), ("max", k));
            }
            points += value;
            if (Rules.MaxPoints is { } max && points > max)
            {
                return Error(ErrorCodes.TooManyPoints, ("option", token), ("max", max));
            }
            options.Add(option);
            marks.Add(value);
        }
        compiled = new CompiledBallot(options.ToArray(), marks.ToArray(), ballot.Count, ballot.Weight, ballot.Group);
        return null;
    }

    internal static int WeightDecimals(decimal weight)
    {
        // The scale once trailing zeros are gone: 1.500 has one decimal.
        var normalized = weight / 1.000000000000000000000000000000000m;
        return normalized.Scale;
    }

    private static VotingError Error(string code, params (string Name, object? Value)[] arguments) =>
        new(code, arguments.ToDictionary(a => a.Name, a => a.Value));
}

/// <summary>A ballot checked and turned into option positions: the counting methods read only this.</summary>
/// <param name="Options">Option positions: in ranking order (ranked) or as given (rated).</param>
/// <param name="Marks">For each entry: its tie group, 0 = best (ranked), or its value (rated).</param>
internal sealed record CompiledBallot(int[] Options, int[] Marks, long Count, decimal Weight, string? Group)
{
    public static readonly CompiledBallot Blank = new([], [], 1, 1m, null);

    public bool IsBlank => Options.Length == 0;

    /// <summary>Count × weight in units of the tally (see <see cref="Counting.TallyInput"/>).</summary>
    public long Units { get; set; }
}

/// <summary>Checks a list of option tokens.</summary>
internal static class OptionList
{
    public const int MaxTokenLength = 100;

    public static void Check(IReadOnlyList<string> tokens)
    {
        var errors = new List<VotingError>();
        if (tokens.Count == 0)
        {
            errors.Add(new VotingError(ErrorCodes.NoOptions));
        }
        if (tokens.Count > Tally.MaxOptions)
        {
            errors.Add(new VotingError(ErrorCodes.TooManyOptions,
                new Dictionary<string, object?> { ["count"] = tokens.Count, ["max"] = Tally.MaxOptions }));
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var token in tokens)
            {
                if (!IsValidToken(token))
                {
                    errors.Add(new VotingError(ErrorCodes.InvalidOptionToken,
                        new Dictionary<string, object?> { ["option"] = token ?? "", ["max"] = MaxTokenLength }));
                }
                else if (!seen.Add(token))
                {
                    errors.Add(new VotingError(ErrorCodes.DuplicateOption, new Dictionary<string, object?> { ["option"] = token }));
                }
            }
        }
        if (errors.Count > 0)
        {
            throw new VotingException(errors.Take(VotingException.MaxErrors).ToList());
        }
    }

    public static bool IsValidToken(string? token) =>
        !string.IsNullOrEmpty(token) && token.Length <= MaxTokenLength && !token.Any(char.IsControl)
        && !char.IsWhiteSpace(token[0]) && !char.IsWhiteSpace(token[^1]);
}
