using System.Text.Json.Serialization;

namespace Tables.Voting;

/// <summary>How a method reached its result. Serialized with a "type" discriminator and the concrete content.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ChoiceExplanation), "choice")]
[JsonDerivedType(typeof(ScoreExplanation), "score")]
[JsonDerivedType(typeof(BordaExplanation), "borda")]
[JsonDerivedType(typeof(SchulzeExplanation), "schulze")]
[JsonDerivedType(typeof(InstantRunoffExplanation), "irv")]
[JsonDerivedType(typeof(MajorityJudgmentExplanation), "majority-judgment")]
public abstract class TallyExplanation
{
}

/// <summary>Plurality, approval and cumulative: what each option received.</summary>
public sealed class ChoiceExplanation : TallyExplanation
{
    public int? MaxChoices { get; init; }
    public int? MaxPoints { get; init; }
    public int? MaxPerOption { get; init; }
    public required IReadOnlyDictionary<string, ChoiceFigures> Options { get; init; }
}

/// <param name="Votes">Votes, approvals or points received (weighted).</param>
/// <param name="Supporters">Weight of the ballots that marked the option.</param>
/// <param name="SupportShare">Supporters ÷ counted weight (six decimals).</param>
public sealed record ChoiceFigures(decimal Votes, decimal Supporters, decimal SupportShare);

/// <summary>Score: sums and means (an unrated option counts 0).</summary>
public sealed class ScoreExplanation : TallyExplanation
{
    public required int MaxScore { get; init; }
    public required IReadOnlyDictionary<string, ScoreFigures> Options { get; init; }
}

/// <param name="Sum">Sum of scores (weighted): the ranking figure.</param>
/// <param name="Mean">Sum ÷ counted weight (six decimals).</param>
/// <param name="RatedBy">Weight of the ballots that gave the option a score.</param>
public sealed record ScoreFigures(decimal Sum, decimal Mean, decimal RatedBy);

/// <summary>
/// Borda with n options: a strictly ranked option in position p (1-based) gets n − p points; k options tied in
/// positions p…p+k−1 each get the mean of those positions' points; the options a ballot leaves unranked share the
/// points of the positions left (each gets their mean, (n − m − 1) / 2 when m options are ranked).
/// </summary>
public sealed class BordaExplanation : TallyExplanation
{
    public required int OptionCount { get; init; }

    /// <summary>Points of positions 1…n: n−1, n−2, …, 0.</summary>
    public required IReadOnlyList<int> PointsByPosition { get; init; }

    public required IReadOnlyDictionary<string, BordaFigures> Options { get; init; }
}

/// <param name="Points">Borda points (weighted).</param>
/// <param name="RankedBy">Weight of the ballots that ranked the option.</param>
/// <param name="UnrankedBy">Weight of the ballots that left it unranked.</param>
public sealed record BordaFigures(decimal Points, decimal RankedBy, decimal UnrankedBy);

/// <summary>
/// Schulze (winning votes). <see cref="Pairwise"/>[i][j] is the weight of ballots ranking option i above option j
/// (an unranked option is below every ranked one); a link i→j has strength Pairwise[i][j] when it beats
/// Pairwise[j][i], else 0; <see cref="StrongestPaths"/>[i][j] is the strength of the strongest path from i to j
/// (the weakest link of the best path). i beats j when StrongestPaths[i][j] &gt; StrongestPaths[j][i]; options are
/// ranked by how many options they beat (<see cref="Wins"/>).
/// </summary>
public sealed class SchulzeExplanation : TallyExplanation
{
    public string Widths { get; init; } = "winning-votes";

    /// <summary>Row and column order of the matrices.</summary>
    public required IReadOnlyList<string> Options { get; init; }

    public required IReadOnlyList<IReadOnlyList<decimal>> Pairwise { get; init; }
    public required IReadOnlyList<IReadOnlyList<decimal>> StrongestPaths { get; init; }
    public required IReadOnlyDictionary<string, int> Wins { get; init; }
}

/// <summary>Instant-runoff: the rounds.</summary>
public sealed class InstantRunoffExplanation : TallyExplanation
{
    public required IReadOnlyList<RunoffRound> Rounds { get; init; }
}

/// <summary>One instant-runoff round.</summary>
public sealed class RunoffRound
{
    public required int Round { get; init; }

    /// <summary>Votes of the options still in the count.</summary>
    public required IReadOnlyDictionary<string, decimal> Tallies { get; init; }

    /// <summary>Weight of the ballots still counting for an option.</summary>
    public required decimal Continuing { get; init; }

    /// <summary>Weight of the ballots exhausted so far (no option left in the count).</summary>
    public required decimal Exhausted { get; init; }

    /// <summary>The option with more than half of the continuing votes (or the last one left), if any.</summary>
    public string? Elected { get; init; }

    /// <summary>The options eliminated at the end of this round.</summary>
    public IReadOnlyList<string> Eliminated { get; init; } = [];

    /// <summary>
    /// How a tie for last place was broken: "previous-rounds" (fewest votes in the latest round where they differed),
    /// "draw", "together" (no seed: the tied options leave together), "no-votes" (all options without a vote leave
    /// together); null when there was no tie.
    /// </summary>
    public string? TieBreak { get; init; }

    /// <summary>Where the eliminated options' ballots went; <see cref="RunoffTransfer.To"/> null = exhausted.</summary>
    public IReadOnlyList<RunoffTransfer> Transfers { get; init; } = [];
}

public sealed record RunoffTransfer(string From, string? To, decimal Votes);

/// <summary>
/// Majority judgment: grades 0 (lowest) … Grades−1 (highest); an unrated option gets the lowest grade. Each option's
/// merit profile, lower median and majority gauge: Above and Below are the shares of grades above and below the
/// median; the gauge is "+" when Above &gt; Below, else "−". Higher median wins; with the same median "+" beats "−",
/// two "+" compare by the larger Above, two "−" by the smaller Below; when still equal, one median grade is removed from
/// each profile and the comparison repeats.
/// </summary>
public sealed class MajorityJudgmentExplanation : TallyExplanation
{
    public required int Grades { get; init; }
    public required IReadOnlyDictionary<string, MeritProfile> Options { get; init; }
}

/// <param name="Profile">Weight of ballots per grade, lowest grade first.</param>
/// <param name="Shares">Share per grade (six decimals).</param>
/// <param name="Median">The lower median grade.</param>
/// <param name="Above">Share of grades above the median.</param>
/// <param name="Below">Share of grades below the median.</param>
/// <param name="Gauge">"+" or "-".</param>
public sealed record MeritProfile(IReadOnlyList<decimal> Profile, IReadOnlyList<decimal> Shares, int Median,
    decimal Above, decimal Below, string Gauge);
