namespace Tables.Web.Data.Auditing;

/// <summary>One change to an audited entity: who, when, what, and the values before and after (JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public int? TableId { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public DateTime At { get; set; }
    public string Entity { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>What the change belongs to, for a history of one thing and its parts (e.g. "ActionItem:12" for its milestones too).</summary>
    public string? Subject { get; set; }
    public AuditAction Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>An entity whose every change writes an <see cref="AuditEntry"/>.</summary>
public interface IAudited
{
    /// <summary>The table (tenant) the row belongs to, for filtering the audit per table.</summary>
    int AuditTableId { get; }

    /// <summary>The thing whose history this change belongs to (itself or its parent), when it has one; read after the save.</summary>
    string? AuditSubject => null;
}

/// <summary>An entity two people can edit at once: the version changes on every save and is checked on update.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}

/// <summary>Who makes a change, recorded in the audit. <see cref="System"/> for start-up work such as loading samples.</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static readonly Actor System = new(null, "system");
}
