using System.Text.Json.Serialization;
using Tables.Voting;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Live;

namespace Tables.Web.Features.Ballots;

/// <summary>One question put to the vote in a forum, with its options and counting method.</summary>
public sealed class Ballot : IAudited, IVersioned, ITableOwned, ILiveRow
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int ForumId { get; set; }
    public string Question { get; set; } = "";
    /// <summary>The counting method; stored and sent as its token (see <see cref="VotingMethods.Token"/>).</summary>
    public VotingMethod Method { get; set; } = VotingMethod.Approval;
    public BallotSettings Settings { get; set; } = new();
    public List<BallotOption> Options { get; set; } = [];
    public bool Secret { get; set; } = true;
    public ResultVisibility Visibility { get; set; } = ResultVisibility.AfterClose;
    public BallotStatus Status { get; set; }
    public bool Revealed { get; set; }
    /// <summary>Seed of the tie-break draw, generated and published at close.</summary>
    public long? Seed { get; set; }
    public DateTime? OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>The result computed once at close (JSON of the tally with its explanation); never recomputed.</summary>
    public string? ResultJson { get; set; }
    public Guid Version { get; set; }

    int IAudited.AuditTableId => TableId;

    IEnumerable<Topic> ILiveRow.Topics => [ForumTopics.Forum(ForumId), ForumTopics.Ballot(Id)];

    /// <summary>Whether results may be shown to the room now.</summary>
    public bool ResultsVisible => Visibility switch
    {
        ResultVisibility.Live => Status != BallotStatus.Draft,
        ResultVisibility.AfterClose => Status == BallotStatus.Closed,
        _ => Revealed,
    };
}

/// <summary>Method options (see Tables.Voting's MethodOptions); only those the method uses are set.</summary>
public sealed class BallotSettings
{
    public int? MaxChoices { get; set; }
    public int? MaxPoints { get; set; }
    public int? MaxPerOption { get; set; }
    public int? MaxScore { get; set; }
    public int? Quorum { get; set; }
    /// <summary>Required majority as a fraction, e.g. "2/3".</summary>
    public string? Majority { get; set; }
}

public sealed class BallotOption
{
    /// <summary>Short stable token used in ballots, exports and ABIF (A, B, C… or the idea's token).</summary>
    public string Token { get; set; } = "";
    public string Label { get; set; } = "";
    public int? IdeaId { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ResultVisibility>))]
public enum ResultVisibility
{
    Live,
    AfterClose,
    OnReveal,
}

[JsonConverter(typeof(JsonStringEnumConverter<BallotStatus>))]
public enum BallotStatus
{
    Draft,
    Open,
    Closed,
}

/// <summary>
/// One person's ballot on one question (the last one counts), or a paper ballot typed by a facilitator.
/// A unique index on (ballot, participant) makes "one ballot per person" a database fact.
/// </summary>
public sealed class Vote : ITableOwned, ILiveRow
{
    IEnumerable<Topic> ILiveRow.Topics => [ForumTopics.Ballot(BallotId)];

    public long Id { get; set; }
    /// <summary>The ballot's table.</summary>
    public int TableId { get; set; }
    public int BallotId { get; set; }
    /// <summary>Null for paper ballots.</summary>
    public int? ParticipantId { get; set; }
    public bool IsPaper { get; set; }
    /// <summary>The participant's group at the time of voting (for breakdowns without identifying anyone).</summary>
    public string? Group { get; set; }
    public VoteContent Content { get; set; } = new();
    /// <summary>Idempotency: a resent message with the same id is acknowledged without being counted twice.</summary>
    public string? ClientMessageId { get; set; }
    public DateTime CastAt { get; set; }
}

/// <summary>What a ballot says: a ranking (tie groups, best first) for ranked methods, values per option otherwise.</summary>
public sealed class VoteContent
{
    public List<List<string>>? Ranking { get; set; }
    public Dictionary<string, int>? Values { get; set; }

    /// <summary>Nothing ranked, nothing marked: counted apart as a blank ballot.</summary>
    [JsonIgnore]
    public bool IsBlank => (Ranking is null || Ranking.All(g => g.Count == 0)) && (Values is null || Values.Count == 0);
}
