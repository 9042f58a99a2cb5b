namespace Tables.Web.Features.Live;

/// <summary>
/// How one kind of topic is read, and who may follow it. A feature registers one per kind
/// (<c>services.AddLiveTopic&lt;T&gt;()</c>); it is scoped (it reads through the DbContext) and runs in the table's scope.
/// </summary>
public interface ILiveTopicSource
{
    /// <summary>The kind this source reads: the part before the colon of its topics.</summary>
    string Kind { get; }

    /// <summary>
    /// The table the topic's row belongs to, or null when there is no such row. Runs before any table is in scope, so
    /// it reads across tables (say so where it ignores the table filter).
    /// </summary>
    Task<int?> TableOfAsync(int id, CancellationToken ct);

    /// <summary>The <see cref="Tables.TablePolicies"/> policy a person needs to follow a view.</summary>
    string PolicyFor(LiveView view);

    /// <summary>
    /// The topic's state now, in the table's scope: its version (<see cref="LiveVersions.ReadAsync"/>, read before the
    /// rows so the rows are at least as new as the version) and one payload per view; null when the row is gone.
    /// </summary>
    Task<LiveState?> ReadAsync(int id, CancellationToken ct);

    /// <summary>Sends the state to clients outside the generic hub (the phones of a forum); nothing by default.</summary>
    Task DeliverAsync(Topic topic, LiveState state, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A topic's state at one version: the payload each view gets.</summary>
public sealed record LiveState(long Version, object? Public, object? Staff)
{
    public object? For(LiveView view) => view == LiveView.Public ? Public : Staff;
}
