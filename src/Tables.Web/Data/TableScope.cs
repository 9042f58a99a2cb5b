namespace Tables.Web.Data;

/// <summary>
/// The table (tenant) whose rows the <see cref="TablesDbContext"/> of this service scope sees. Nothing is in scope until
/// the entry point of the work says so, explicitly: a table endpoint (<c>AuthorizeTableAsync</c>), a hub call (the
/// table its connection joined or the one of the ballot it names), a screen (its page's own scope), or system work that
/// serves every table (the forum writer, samples, live updates). Out of scope, table-owned rows are not seen at all:
/// a forgotten entry fails closed, it never shows another table's rows.
/// </summary>
public sealed class TableScope
{
    /// <summary>The table in scope, if any.</summary>
    public int? TableId { get; private set; }

    /// <summary>True for system work that serves every table (<see cref="EnterAllTables"/>).</summary>
    public bool AllTables { get; private set; }

    /// <summary>From now on this scope sees the rows of <paramref name="tableId"/> only. A scope serves one table.</summary>
    public void Enter(int tableId)
    {
        if (AllTables || (TableId is { } current && current != tableId))
        {
            throw new InvalidOperationException($"This scope already serves {(AllTables ? "every table" : $"table {TableId}")}; it cannot enter table {tableId}.");
        }
        TableId = tableId;
    }

    /// <summary>
    /// System work that serves every table of the installation (the forum's single writer, loading samples). The
    /// callers of such work were authorized before they queued it; say why at each call.
    /// </summary>
    public void EnterAllTables()
    {
        if (TableId is not null)
        {
            throw new InvalidOperationException($"This scope already serves table {TableId}.");
        }
        AllTables = true;
    }
}
