using System.Text.Json.Serialization;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.Live;

namespace Tables.Web.Features.Forums;

/// <summary>A live session of a cycle: a room, a projector, a facilitator and participants on their phones.</summary>
public sealed class Forum : IAudited, IVersioned, ITableOwned, ILiveRow
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int CycleId { get; set; }
    public string Title { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public string Place { get; set; } = "";
    /// <summary>Six characters from <see cref="JoinCodes.Alphabet"/>, unique among forums.</summary>
    public string JoinCode { get; set; } = "";
    public ForumStatus Status { get; set; }
    public int? CurrentActivityId { get; set; }
    /// <summary>Groups a participant may declare (college, age band…); the table edits the list.</summary>
    public List<string> Groups { get; set; } = [];
    public List<ForumActivity> Activities { get; set; } = [];
    public Guid Version { get; set; }

    int IAudited.AuditTableId => TableId;

    IEnumerable<Topic> ILiveRow.Topics => [ForumTopics.Forum(Id)];

    public static readonly IReadOnlyList<string> DefaultGroups =
        ["Résident·e", "Organisme communautaire", "Institution", "Milieu économique", "Autre"];
}

[JsonConverter(typeof(JsonStringEnumConverter<ForumStatus>))]
public enum ForumStatus
{
    Draft,
    Open,
    Closed,
}

/// <summary>One step of the agenda. A vote activity points at its ballot.</summary>
public sealed class ForumActivity : ITableOwned, ILiveRow
{
    IEnumerable<Topic> ILiveRow.Topics => [ForumTopics.Forum(ForumId)];

    public int Id { get; set; }
    /// <summary>The forum's table.</summary>
    public int TableId { get; set; }
    public int ForumId { get; set; }
    public int Order { get; set; }
    public ActivityKind Kind { get; set; }
    public string Title { get; set; } = "";
    public int? BallotId { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ActivityKind>))]
public enum ActivityKind
{
    Welcome,
    Portrait,
    Ideas,
    Clustering,
    Vote,
    Closing,
}

/// <summary>Someone in the room, anonymous: a random token kept on their phone, an optional name and group.</summary>
public sealed class Participant : ITableOwned, ILiveRow
{
    IEnumerable<Topic> ILiveRow.Topics => [ForumTopics.Participants(ForumId)];

    public int Id { get; set; }
    /// <summary>The forum's table.</summary>
    public int TableId { get; set; }
    public int ForumId { get; set; }
    /// <summary>Secret bearer token (base64url, 32 random bytes): whoever holds it is this participant.</summary>
    public string Token { get; set; } = "";
    public string? DisplayName { get; set; }
    public string? Group { get; set; }
    public DateTime JoinedAt { get; set; }
}

/// <summary>An idea from a phone, or typed by a facilitator from paper (no participant).</summary>
public sealed class Idea : ITableOwned, ILiveRow
{
    IEnumerable<Topic> ILiveRow.Topics => [ForumTopics.Ideas(ForumId)];

    public int Id { get; set; }
    /// <summary>The forum's table.</summary>
    public int TableId { get; set; }
    public int ForumId { get; set; }
    public int? ParticipantId { get; set; }
    public string Text { get; set; } = "";
    public string? Theme { get; set; }
    public bool Hidden { get; set; }
    /// <summary>Set when a facilitator merged this idea into another (a duplicate).</summary>
    public int? MergedIntoId { get; set; }
    public bool FromPaper { get; set; }
    public string? ClientMessageId { get; set; }
    public DateTime CreatedAt { get; set; }
}
