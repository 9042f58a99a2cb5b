using System.Globalization;
using System.Text.Json.Serialization;

namespace Tables.Web.Features.Live;

/// <summary>
/// What a screen follows: a kind (<c>forum</c>, <c>ballot</c>, later <c>portrait</c>, <c>action</c>, <c>dashboard</c>…)
/// and the id of its row. Written <c>kind:id</c> on the wire and as the SignalR group name.
/// </summary>
public readonly record struct Topic(string Kind, int Id)
{
    public override string ToString() => $"{Kind}:{Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads <c>kind:id</c>; false for anything else (hub input is untrusted).</summary>
    public static bool TryParse(string? text, out Topic topic)
    {
        topic = default;
        var colon = text?.IndexOf(':') ?? -1;
        if (text is null || colon <= 0 || colon > 32 || text.Length > 48
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !text.AsSpan(0, colon).ContainsOnlyAsciiLowercaseLettersOrDash())
        {
            return false;
        }
        topic = new Topic(text[..colon], id);
        return true;
    }
}

internal static class TopicText
{
    public static bool ContainsOnlyAsciiLowercaseLettersOrDash(this ReadOnlySpan<char> kind)
    {
        foreach (var c in kind)
        {
            if (c is not (>= 'a' and <= 'z') and not '-')
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>Who a message is for: the room (anyone who may read the table) or the staff who run it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LiveView>))]
public enum LiveView
{
    Public,
    Staff,
}

/// <summary>
/// The state of one topic as one view sees it, at a version taken from the database (a small integer, counted per topic,
/// that a browser represents exactly). Each message carries the whole state of its topic, so a screen that skipped
/// versions (updates are coalesced) has missed nothing; after a disconnection it reads a snapshot.
/// </summary>
public sealed record LiveMessage(string Topic, LiveView View, long Version, object? Data);

/// <summary>
/// A row whose changes are published: saving it (added, changed or deleted) bumps the version of each of its topics in
/// the same transaction, and once committed the topics are sent to whoever follows them (<see cref="LiveUpdates"/>).
/// </summary>
public interface ILiveRow
{
    /// <summary>The topics this row's state is part of (read after the save, so new rows have their keys).</summary>
    IEnumerable<Topic> Topics { get; }
}
