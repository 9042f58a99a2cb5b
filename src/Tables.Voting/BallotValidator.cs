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
    public VotingError? Validate(Ballot ballot) => Compile(ballot, target: null, out _);

    /// <summary>Throws <see cref="VotingException"/> when the ballot is not valid.</summary>
    public void EnsureValid(Ballot ballot)
    {
        if (Validate(ballot) is { } error)
        {
            throw new VotingException(error);
        }
    }

    /// <summary>
    /// Checks a ballot and, when it is valid and <paramref name="target"/> is given, stores it there (positions and
    /// marks as <see cref="Counting.BallotStore"/> keeps them). Null when valid; <paramref name="blank"/> tells whether
    /// nothing on it counts (see <see cref="Check"/>).
    /// </summary>
    internal VotingError? Compile(Ballot ballot, Counting.BallotStore? target, out bool blank)
    {
        blank = true;
        if (ballot.Count < 1 || ballot.Count > MaxCount)
        {
            return Error(ErrorCodes.InvalidCount, ("value", ballot.Count), ("max", MaxCount));
        }
        if ((CheckWeight(ballot.Weight) ?? CheckGroup(ballot.Group)) is { } invalid)
        {
            return invalid;
        }
        var ranked = Method.Kind() == BallotKind.Ranked;
        if (!ballot.IsBlank && ranked && ballot.Ranking.Count == 0)
        {
            return Error(ErrorCodes.RankingExpected, ("method", Method.Token()));
        }
        if (!ballot.IsBlank && !ranked && ballot.Values.Count == 0)
        {
            return Error(ErrorCodes.ValuesExpected, ("method", Method.Token()));
        }
        // Resolve the tokens; an unknown one is reported unless an item before it is already at fault.
        var length = ballot.Values.Count;
        for (var g = 0; ranked && g < ballot.Ranking.Count; g++)
        {
            length += ballot.Ranking[g].Count;
        }
        var positions = length <= 256 ? stackalloc byte[length] : new byte[length];
        var marks = length <= 256 ? stackalloc int[length] : new int[length];
        var n = 0;
        string? unknown = null;
        if (ranked)
        {
            // Indexes, not foreach: an enumerator per tie group was most of what counting 100,000 rankings allocated.
            for (var g = 0; g < ballot.Ranking.Count && unknown is null; g++)
            {
                var group = ballot.Ranking[g];
                for (var k = 0; k < group.Count; k++)
                {
                    if (!Resolve(group[k], g, positions, marks, ref n))
                    {
                        unknown = group[k] ?? "";
                        break;
                    }
                }
            }
        }
        else
        {
            foreach (var (token, value) in ballot.Values)
            {
                if (!Resolve(token, value, positions, marks, ref n))
                {
                    unknown = token;
                    break;
                }
            }
        }
        if (Check(positions[..n], marks[..n], out _, out blank) is { } error)
        {
            return error;
        }
        if (unknown is not null)
        {
            return Error(ErrorCodes.UnknownOptionOnBallot, ("option", unknown));
        }
        target?.Add(positions, marks, ballot.Count, target.WeightIndex(ballot.Weight), target.GroupIndex(ballot.Group));
        return null;
    }

    private bool Resolve(string? token, int mark, Span<byte> positions, Span<int> marks, ref int n)
    {
        if (token is null || !_index.TryGetValue(token, out var position))
        {
            return false;
        }
        positions[n] = (byte)position;
        marks[n] = mark;
        n++;
        return true;
    }

    /// <summary>Null when a weight is valid: more than 0, at most <see cref="MaxWeight"/>, at most six decimals.</summary>
    internal static VotingError? CheckWeight(decimal weight) =>
        weight <= 0 || weight > MaxWeight || WeightDecimals(weight) > MaxWeightDecimals
            ? Error(ErrorCodes.InvalidWeight, ("value", weight), ("max", MaxWeight), ("decimals", MaxWeightDecimals))
            : null;

    /// <summary>Null when a group name is valid (or none): 1–100 characters, no control character.</summary>
    internal static VotingError? CheckGroup(string? group) =>
        group is not null && (group.Length == 0 || group.Length > MaxGroupLength || group.Any(char.IsControl))
            ? Error(ErrorCodes.InvalidGroup, ("max", MaxGroupLength))
            : null;

    /// <summary>
    /// The method's rules on a ballot's items (positions in <see cref="Options"/>, marks as the method reads them):
    /// an option twice, a tie in instant-runoff, values out of range, too many choices or points. Null when valid;
    /// else <paramref name="at"/> is the item at fault. <paramref name="blank"/>: nothing counts on this ballot (no
    /// item, or for plurality, approval and cumulative only zeros).
    /// </summary>
    internal VotingError? Check(ReadOnlySpan<byte> positions, ReadOnlySpan<int> marks, out int at, out bool blank)
    {
        Span<bool> seen = stackalloc bool[Options.Count];
        var ranked = Method.Kind() == BallotKind.Ranked;
        // Plurality, approval and cumulative mark options with a positive value; 0 is "not chosen". Score and
        // majority judgment keep 0 as a real score or grade.
        var zeroIsMark = ranked || Method is VotingMethod.Score or VotingMethod.MajorityJudgment;
        var maxValue = Rules.MaxValue ?? int.MaxValue;
        var marked = 0;
        var points = 0L;
        blank = true;
        for (at = 0; at < positions.Length; at++)
        {
            var position = positions[at];
            var value = marks[at];
            var token = Options[position];
            if (seen[position])
            {
                return Error(ErrorCodes.DuplicateOptionOnBallot, ("option", token));
            }
            seen[position] = true;
            if (ranked)
            {
                if (at > 0 && value == marks[at - 1] && Method == VotingMethod.InstantRunoff)
                {
                    return Error(ErrorCodes.TieNotAllowed, ("option", token));
                }
                blank = false;
                continue;
            }
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
            if (Rules.MaxChoices is { } k && marked >= k)
            {
                return Error(ErrorCodes.TooManyChoices, ("option", token), ("max", k));
            }
            points += value;
            if (Rules.MaxPoints is { } max && points > max)
            {
                return Error(ErrorCodes.TooManyPoints, ("option", token), ("max", max));
            }
            marked++;
            blank = false;
        }
        at = -1;
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
