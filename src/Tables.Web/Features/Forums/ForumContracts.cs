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
    long Version,
    int? WallBallotId = null);

public sealed record ActivityView(int Id, int Order, ActivityKind Kind, string Title, int? BallotId);

public sealed record IdeaView(int Id, string Text, string? Theme, bool Mine, bool FromPaper);

public sealed record OptionView(string Token, string Label);

public sealed record BallotView(
    int Id,
    string Question,
    string Method,
    BallotSettings Settings,
    IReadOnlyList<OptionView> Options,
    BallotStatus Status,
    bool Secret,
    ResultVisibility Visibility,
    bool ResultsVisible,
    VoteContent? MyVote,
    BallotResults? Results);

/// <summary>
/// Live figures of one ballot: sent at most a few times a second (coalesced), each with a growing version so a client
/// keeps only the newest. <see cref="Result"/> is null while results are hidden.
/// </summary>
public sealed record BallotResults(int BallotId, long Version, int Cast, int Paper, int Blank, int Participants, IReadOnlyDictionary<string, int> CastByGroup, BallotResult? Result);

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
    /// <summary>The forum changed (activity, ballots opened or closed, ideas): the public part of the snapshot.</summary>
    Task ForumChanged(ForumSnapshot snapshot);

    /// <summary>Coalesced live figures of a ballot.</summary>
    Task ResultsChanged(BallotResults results);
}
