using System.Globalization;

namespace Tables.Voting;

/// <summary>
/// The options of a count. Only those the method uses are read; the others are ignored.
/// Defaults: approval MaxChoices = number of options; cumulative needs MaxPoints and MaxPerOption defaults to it;
/// score and majority judgment MaxScore = 5 (majority judgment then has six grades, 0 "À rejeter" … 5 "Excellent").
/// </summary>
public sealed record MethodOptions
{
    /// <summary>The most options an approval ballot may choose (k of n).</summary>
    public int? MaxChoices { get; init; }

    /// <summary>The points a cumulative ballot may spread (N).</summary>
    public int? MaxPoints { get; init; }

    /// <summary>The most points a cumulative ballot may give one option.</summary>
    public int? MaxPerOption { get; init; }

    /// <summary>The top score (score) or the top grade (majority judgment: grades are 0..MaxScore).</summary>
    public int? MaxScore { get; init; }

    /// <summary>
    /// The seed of the tie-break draw, published with the result (any text up to 200 characters; a numeric seed is
    /// written in invariant decimal, e.g. "8120394"). Without a seed, ties the method cannot break stay ties.
    /// </summary>
    public string? Seed { get; init; }

    /// <summary>The number of ballots (blank ones included) needed for the count to be valid.</summary>
    public int? Quorum { get; init; }

    /// <summary>The support share the winner needs, e.g. two thirds.</summary>
    public RequiredMajority? Majority { get; init; }

    public static MethodOptions Default { get; } = new();

    /// <summary>Query parameter names, as the tally endpoint takes them.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } =
        ["maxChoices", "maxPoints", "maxPerOption", "maxScore", "seed", "quorum", "majority"];

    public const int MaxSeedLength = 200;
    public const int MaxPointsLimit = 1000;
    public const int MaxScoreLimit = 1000;
    public const int MaxGrades = 20;

    /// <summary>A seed from a number, written in invariant decimal.</summary>
    public MethodOptions WithSeed(long seed) => this with { Seed = seed.ToString(CultureInfo.InvariantCulture) };

    /// <summary>
    /// Reads options from query parameters (names case-insensitive, see <see cref="ParameterNames"/>; other names
    /// such as <c>method</c> are ignored; empty values count as absent). Throws <see cref="VotingException"/>.
    /// </summary>
    public static MethodOptions Parse(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var errors = new List<VotingError>();
        var options = new MethodOptions();
        foreach (var (rawName, rawValue) in parameters)
        {
            var value = rawValue?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            var name = ParameterNames.FirstOrDefault(n => string.Equals(n, rawName, StringComparison.OrdinalIgnoreCase));
            switch (name)
            {
                case "maxChoices": options = options with { MaxChoices = Integer(name, value, errors) }; break;
                case "maxPoints": options = options with { MaxPoints = Integer(name, value, errors) }; break;
                case "maxPerOption": options = options with { MaxPerOption = Integer(name, value, errors) }; break;
                case "maxScore": options = options with { MaxScore = Integer(name, value, errors) }; break;
                case "quorum": options = options with { Quorum = Integer(name, value, errors) }; break;
                case "seed": options = options with { Seed = value }; break;
                case "majority":
                    if (RequiredMajority.TryParse(value, out var majority))
                    {
                        options = options with { Majority = majority };
                    }
                    else
                    {
                        errors.Add(new VotingError(ErrorCodes.InvalidMajority, new Dictionary<string, object?> { ["value"] = value }));
                    }
                    break;
            }
        }
        if (errors.Count > 0)
        {
            throw new VotingException(errors);
        }
        return options;
    }

    /// <summary>The options that are set, as <see cref="Parse"/> reads them back (names of <see cref="ParameterNames"/>, invariant).</summary>
    public IEnumerable<KeyValuePair<string, string>> ToParameters()
    {
        var values = new (string Name, object? Value)[]
        {
            ("maxChoices", MaxChoices), ("maxPoints", MaxPoints), ("maxPerOption", MaxPerOption), ("maxScore", MaxScore),
            ("seed", Seed), ("quorum", Quorum), ("majority", Majority),
        };
        return values.Where(v => v.Value is not null)
            .Select(v => KeyValuePair.Create(v.Name, Convert.ToString(v.Value, CultureInfo.InvariantCulture)!));
    }

    private static int? Integer(string name, string value, List<VotingError> errors)
    {
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        errors.Add(new VotingError(ErrorCodes.ParameterNotInteger, new Dictionary<string, object?> { ["name"] = name, ["value"] = value }));
        return null;
    }

    /// <summary>The limits that apply to <paramref name="method"/> with <paramref name="optionCount"/> options, defaults filled in.</summary>
    public MethodRules Resolve(VotingMethod method, int optionCount)
    {
        var errors = new List<VotingError>();
        int Range(string name, int? value, int fallback, int min, int max)
        {
            var v = value ?? fallback;
            if (v < min || v > max)
            {
                errors.Add(new VotingError(ErrorCodes.ParameterOutOfRange,
                    new Dictionary<string, object?> { ["name"] = name, ["value"] = v, ["min"] = min, ["max"] = max }));
            }
            return v;
        }

        var rules = new MethodRules { Method = method, OptionCount = optionCount };
        switch (method)
        {
            case VotingMethod.Plurality:
                rules = rules with { MaxChoices = 1, MaxValue = 1 };
                break;
            case VotingMethod.Approval:
                rules = rules with { MaxChoices = Range("maxChoices", MaxChoices, Math.Max(optionCount, 1), 1, Tally.MaxOptions), MaxValue = 1 };
                break;
            case VotingMethod.Cumulative:
                if (MaxPoints is null)
                {
                    errors.Add(new VotingError(ErrorCodes.ParameterRequired, new Dictionary<string, object?> { ["name"] = "maxPoints" }));
                }
                var points = Range("maxPoints", MaxPoints, 1, 1, MaxPointsLimit);
                var perOption = Range("maxPerOption", MaxPerOption, points, 1, MaxPointsLimit);
                rules = rules with { MaxPoints = points, MaxValue = Math.Min(points, perOption) };
                break;
            case VotingMethod.Score:
                rules = rules with { MaxValue = Range("maxScore", MaxScore, 5, 1, MaxScoreLimit) };
                break;
            case VotingMethod.MajorityJudgment:
                rules = rules with { MaxValue = Range("maxScore", MaxScore, 5, 1, MaxGrades - 1) };
                break;
        }
        if (Quorum is < 0)
        {
            Range("quorum", Quorum, 0, 0, int.MaxValue);
        }
        if (Seed is { } seed && (seed.Length == 0 || seed.Length > MaxSeedLength || seed.Any(char.IsControl)))
        {
            errors.Add(new VotingError(ErrorCodes.InvalidSeed, new Dictionary<string, object?> { ["max"] = MaxSeedLength }));
        }
        if (errors.Count > 0)
        {
            throw new VotingException(errors);
        }
        return rules;
    }
}

/// <summary>
/// The limits a ballot must respect, from <see cref="MethodOptions.Resolve"/>: at most <see cref="MaxChoices"/>
/// options marked, values 0..<see cref="MaxValue"/> (points per option for cumulative), at most
/// <see cref="MaxPoints"/> points in all (cumulative).
/// </summary>
public sealed record MethodRules
{
    public VotingMethod Method { get; init; }
    public int OptionCount { get; init; }
    public int? MaxChoices { get; init; }
    public int? MaxValue { get; init; }
    public int? MaxPoints { get; init; }
}
