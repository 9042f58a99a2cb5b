using System.Text.Json.Serialization;

namespace Tables.Voting;

/// <summary>
/// The result of a count. Serialized with <c>JsonSerializerDefaults.Web</c> it reads
/// <c>{ method, ballots, blankBallots, countedWeight, winners, ranking, scores, explanation, tieBreak, turnout,
/// majority, byGroup }</c>.
/// </summary>
public sealed class TallyResult
{
    /// <summary>The method, as its token (e.g. "majority-judgment").</summary>
    public required VotingMethod Method { get; init; }

    /// <summary>Ballots received, blank ones included (each counted line counts for its count).</summary>
    public required long Ballots { get; init; }

    /// <summary>Blank ballots: counted apart, in no figure.</summary>
    public required long BlankBallots { get; init; }

    /// <summary>The weight of the non-blank ballots (count × weight), the 100 % of every share.</summary>
    public required decimal CountedWeight { get; init; }

    /// <summary>
    /// The option(s) in first place once the draw has broken ties; several only when a tie for first stands
    /// because no seed was given; none when no ballot was counted.
    /// </summary>
    public required IReadOnlyList<string> Winners { get; init; }

    /// <summary>
    /// The full order, best first, as tie groups. Ties the method could not break are broken by the draw when a
    /// seed is given (each draw is listed in <see cref="TieBreak"/>); a group of several options is a tie that stands.
    /// </summary>
    public required IReadOnlyList<IReadOnlyList<string>> Ranking { get; init; }

    /// <summary>
    /// The figure each option is ranked by: votes (plurality), approvals, points (cumulative, Borda), sum of scores,
    /// options beaten through strongest paths (Schulze), votes in the last round the option took part in (IRV),
    /// median grade (majority judgment). Option order.
    /// </summary>
    public required IReadOnlyDictionary<string, decimal> Scores { get; init; }

    /// <summary>How the method reached the order (a concrete type per method, with a "type" discriminator).</summary>
    public required TallyExplanation Explanation { get; init; }

    public required TieBreakReport TieBreak { get; init; }

    public required TurnoutReport Turnout { get; init; }

    /// <summary>Present when a required majority was asked for.</summary>
    public MajorityReport? Majority { get; init; }

    /// <summary>The same count for each participant group (ordinal order of names), when ballots carry groups; ballots without a group appear only in the total.</summary>
    public IReadOnlyDictionary<string, TallyResult>? ByGroup { get; init; }
}

/// <summary>Whether and how the seeded draw was used.</summary>
public sealed class TieBreakReport
{
    /// <summary>The seed given, or null.</summary>
    public string? Seed { get; init; }

    /// <summary>True when at least one tie was decided by the draw.</summary>
    public bool Used { get; init; }

    /// <summary>Each draw, in the order made.</summary>
    public IReadOnlyList<TieDraw> Draws { get; init; } = [];
}

/// <summary>One draw: the tied options (ordinal order) and the order drawn, best first.</summary>
public sealed class TieDraw
{
    /// <summary>"ranking" (order of the result) or "irv-elimination" (who leaves in an instant-runoff round).</summary>
    public required string Stage { get; init; }

    /// <summary>The instant-runoff round, for an elimination draw.</summary>
    public int? Round { get; init; }

    public required IReadOnlyList<string> Tied { get; init; }

    public required IReadOnlyList<string> Order { get; init; }
}

/// <summary>Ballots received against the optional quorum.</summary>
public sealed class TurnoutReport
{
    /// <summary>Ballots received, blank ones included.</summary>
    public long Ballots { get; init; }

    public int? Quorum { get; init; }

    /// <summary>Ballots ≥ quorum; null without a quorum.</summary>
    public bool? QuorumMet { get; init; }
}

/// <summary>The winner's support share against a required majority.</summary>
public sealed class MajorityReport
{
    public required RequiredMajority Required { get; init; }

    /// <summary>
    /// How support is measured: "marked" (plurality, approval, cumulative: ballots marking the winner),
    /// "pairwise" (Borda, Schulze, score, majority judgment: the least share of ballots preferring the winner to one
    /// other option), "final-round" (IRV: the winner's votes in the last round). Shares are of the counted weight.
    /// </summary>
    public required string Basis { get; init; }

    /// <summary>The lowest share among the winners, rounded to six decimals (<see cref="Met"/> is exact).</summary>
    public required decimal Share { get; init; }

    public required bool Met { get; init; }
}
