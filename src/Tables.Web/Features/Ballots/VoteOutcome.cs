namespace Tables.Web.Features.Ballots;

/// <summary>What happened to a ballot sent to the forum's single writer (<see cref="Forums.ForumWriter"/>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<VoteOutcome>))]
public enum VoteOutcome
{
    /// <summary>Durably stored (new or replacing the participant's previous ballot).</summary>
    Stored,
    /// <summary>The same message was already stored: acknowledged, not counted twice.</summary>
    Duplicate,
    /// <summary>The ballot is not open: nothing stored.</summary>
    NotOpen,
}
