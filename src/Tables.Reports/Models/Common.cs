using Tables.Voting;

namespace Tables.Reports.Models;

// Plain report models: built by Tables.Web's Features/Reports from the database (or by tests), read by the documents.
// Per-group figures arrive prepared (small groups folded into « autres », no choices by group for a secret ballot);
// the documents still never print choices by group when a ballot is secret.

/// <summary>The table de quartier the report is about.</summary>
/// <param name="Logo">PNG or JPEG bytes, or null.</param>
public sealed record TableInfo(string Name, string Neighbourhood, byte[]? Logo = null, string? Website = null);

/// <summary>One cycle (plan de quartier).</summary>
public sealed record CycleInfo(string Title, DateOnly Start, DateOnly End);

/// <summary>Who may take part in a forum's ballots, shown with every result.</summary>
public enum ParticipationMode
{
    /// <summary>Anyone with the code, one ballot per device.</summary>
    Open,
    /// <summary>Personal one-time codes handed out at the door.</summary>
    CheckInCards,
    /// <summary>Signed-in members.</summary>
    Members,
}

/// <summary>Social / ecological tag of an action ("fin du monde, fin du mois, même combat").</summary>
public enum TransitionTag
{
    None,
    Social,
    Ecological,
    Both,
}

public enum ActionStatus
{
    Planned,
    InProgress,
    Done,
    Suspended,
    Cancelled,
}

public enum FundingStatus
{
    Requested,
    Granted,
}

/// <summary>A count for one participant group (« autres » already folded in by the web layer).</summary>
public sealed record GroupCount(string Group, long Count);

/// <summary>An option of a ballot: its token in the tally and its label.</summary>
public sealed record BallotOptionInfo(string Token, string Label);

/// <summary>One option's figure in one group (never given for a secret ballot).</summary>
public sealed record GroupChoices(string Group, long Ballots, IReadOnlyDictionary<string, decimal> Scores);

/// <summary>
/// A closed ballot with its result. <see cref="Result"/> is Tables.Voting's tally, explanation included (rounds,
/// pairwise matrix, merit profiles…), as computed once at close; its ByGroup is never read by the documents.
/// </summary>
public sealed record BallotReport
{
    public required string Question { get; init; }
    public required VotingMethod Method { get; init; }
    public required IReadOnlyList<BallotOptionInfo> Options { get; init; }
    public required TallyResult Result { get; init; }
    public bool Secret { get; init; } = true;
    public ParticipationMode Participation { get; init; }
    public int? MaxChoices { get; init; }
    public int? MaxPoints { get; init; }
    public int? MaxScore { get; init; }
    /// <summary>Participants who could vote (the turnout's denominator), when known.</summary>
    public long? Eligible { get; init; }
    public long PaperBallots { get; init; }
    public long DigitalBallots { get; init; }
    public DateTime? OpenedAt { get; init; }
    public DateTime? ClosedAt { get; init; }
    /// <summary>Ballots per group (turnout): shown for every ballot, secret or not.</summary>
    public IReadOnlyList<GroupCount> TurnoutByGroup { get; init; } = [];
    /// <summary>Choices per group: only for a named (non-secret) ballot; ignored when <see cref="Secret"/>.</summary>
    public IReadOnlyList<GroupChoices> ChoicesByGroup { get; init; } = [];

    public string Label(string token) => Options.FirstOrDefault(o => o.Token == token)?.Label ?? token;
}
