using Tables.Web.Features.Ballots;

namespace Tables.Web.Features.Forums;

// The public real-time API of a live forum (ForumHub at /hubs/forum). JSON names are camelCase.

public sealed record JoinRequest(string Code, string? Token, string? DisplayName, string? Group);

public sealed record JoinResult(string Token, int ParticipantId, string? DisplayName, string? Group, ForumSnapshot Snapshot);

public sealed record IdeaRequest(string Text, string ClientMessageId);

public sealed record CastRequest(int BallotId, VoteContent Content, string ClientMessageId);

public sealed record CastAck(int BallotId, VoteOutcome Outcome, string ClientMessageId);

/// <summary>Everything a phone or the wall shows; personal parts (MyVotes, Mine) only in a participant's own snapshot.</summary>
public sealed record ForumSnapshot(
    int ForumId,
    string Title,
    ForumStatus Status,
    string JoinCode,
    IReadOnlyList<string> Groups,
    int? CurrentActivityId,
    IReadOnlyList<ActivityView> Agenda,
    IReadOnlyList<IdeaView> Ideas,
    int Participants,
    IReadOnlyList<BallotView> Ballots,
    long Version);

/// <summary>
/// The forum as the room and its screens see it (topic <c>forum:{id}</c>, sent to phones as <c>ForumChanged</c>);
/// ideas, participants and figures are topics of their own. <see cref="Version"/> is the topic's version.
/// </summary>
public sealed record ForumState(
    int ForumId,
    string Title,
    DateTime StartsAt,
    string Place,
    ForumStatus Status,
    string JoinCode,
    IReadOnlyList<string> Groups,
    int? CurrentActivityId,
    IReadOnlyList<ActivityView> Agenda,
    IReadOnlyList<BallotView> Ballots,
    long Version);

/// <summary>An idea as the console and the wall show it.</summary>
public sealed record IdeaItem(int Id, string Text, string? Theme, bool Hidden, int? MergedIntoId, bool FromPaper)
{
    /// <summary>Shown to the room: not hidden, not merged into another.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Shown => !Hidden && MergedIntoId is null;
}

/// <summary>The ideas of a forum (topic <c>ideas:{forumId}</c>): those shown to the room, or all of them for the staff.</summary>
public sealed record IdeaList(IReadOnlyList<IdeaItem> Ideas, long Version);

/// <summary>How many joined a forum (topic <c>participants:{forumId}</c>); <see cref="ByGroup"/> for the staff only.</summary>
public sealed record ParticipantCount(int Total, IReadOnlyDictionary<string, int> ByGroup, long Version);

public sealed record ActivityView(int Id, int Order, ActivityKind Kind, string Title, int? BallotId);

public sealed record IdeaView(int Id, string Text, string? Theme, bool Mine, bool FromPaper);

public sealed record OptionView(string Token, string Label);

public sealed record BallotView(
    int Id,
    string Question,
    global::Tables.Voting.VotingMethod Method,
    BallotSettings Settings,
    IReadOnlyList<OptionView> Options,
    BallotStatus Status,
    bool Secret,
    ResultVisibility Visibility,
    bool ResultsVisible,
    VoteContent? MyVote,
    BallotResults? Results,
    bool Revealed = false)
{
    /// <summary>A ballot's definition and status (no personal vote, no figures).</summary>
    public static BallotView Of(Ballot b) => new(b.Id, b.Question, b.Method, b.Settings, b.Options.Select(o => new OptionView(o.Token, o.Label)).ToList(), b.Status,
        b.Secret, b.Visibility, b.ResultsVisible, null, null, b.Revealed);
}

/// <summary>
/// Live figures of one ballot: sent at most a few times a second (coalesced), each with a growing version so a client
/// keeps only the newest (the topic <c>ballot:{id}</c>'s version). <see cref="Result"/> is null while results are hidden.
/// </summary>
public sealed record BallotResults(int BallotId, long Version, int Cast, int Paper, int Blank, int Participants, IReadOnlyDictionary<string, int> CastByGroup, BallotResult? Result)
{
    /// <summary>The ballot's forum (where the figures go), not sent.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ForumId { get; init; }
}

/// <summary>A result as shown: the full order (tie groups, best first), figures per option, the explanation.</summary>
public sealed record BallotResult(
    IReadOnlyList<string> Winners,
    IReadOnlyList<IReadOnlyList<string>> Ranking,
    IReadOnlyDictionary<string, double> Scores,
    bool Final,
    long? Seed,
    bool TieBreakUsed,
    System.Text.Json.JsonElement? Explanation);

/// <summary>Messages the server sends to phones, the wall and consoles.</summary>
public interface IForumClient
{
    /// <summary>The forum changed (status, current activity, ballots opened or closed): its whole public state.</summary>
    Task ForumChanged(ForumState state);

    /// <summary>Coalesced live figures of a ballot.</summary>
    Task ResultsChanged(BallotResults results);
}
