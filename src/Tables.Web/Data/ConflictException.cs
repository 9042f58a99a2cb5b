namespace Tables.Web.Data;

/// <summary>
/// The row changed (or was deleted) since the caller read it: their save is refused so nobody's change is lost.
/// <see cref="Current"/> is the row as it is now, in the shape the caller edits (null when it was deleted), so the
/// caller can show both versions and merge. Answered as 409 with <c>current</c> in the problem body.
/// </summary>
public sealed class ConflictException(object? current) : Exception("Changed since it was read.")
{
    public object? Current { get; } = current;
}
