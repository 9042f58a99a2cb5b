using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Tables.Web.Data.Auditing;

namespace Tables.Web.Data;

/// <summary>
/// Writes many rows of one entity type with one prepared command each for insert and update, built from the EF model
/// (same table, columns and value conversions as EF would use), on the context's connection and current transaction,
/// without change tracking. For imports of thousands of rows, where EF's per-entity tracking made a 10,000-row import
/// several times slower than the 2 s it must take (docs/PERFORMANCE.md). The caller audits what it wrote
/// (<see cref="WriteAuditAsync"/>) and owns the transaction.
/// </summary>
public sealed class BulkRows<T> : IAsyncDisposable where T : class
{
    private readonly IProperty _key;
    private readonly IProperty? _version;
    private readonly IReadOnlyList<IProperty> _columns;
    private readonly DbCommand _insert;
    private readonly DbCommand _update;

    private BulkRows(TablesDbContext db)
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        _key = type.FindPrimaryKey()!.Properties.Single();
        _columns = type.GetProperties().Where(p => p != _key).ToList();
        string Column(IProperty p) => $"\"{p.GetColumnName(table)}\"";
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Bulk writes run in a transaction.");
        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", _columns.Select(Column))}) VALUES ({string.Join(", ", _columns.Select((_, i) => $"@p{i}"))}) RETURNING {Column(_key)}";
        _update = connection.CreateCommand();
        _update.Transaction = transaction;
        _version = type.FindProperty(nameof(IVersioned.Version));
        _update.CommandText = $"UPDATE \"{table.Name}\" SET {string.Join(", ", _columns.Select((p, i) => $"{Column(p)} = @p{i}"))} WHERE {Column(_key)} = @key"
            + (_version is null ? "" : $" AND {Column(_version)} = @version");
    }

    /// <summary>Opens the commands; the context must be in a transaction.</summary>
    public static async Task<BulkRows<T>> OpenAsync(TablesDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new BulkRows<T>(db);
    }

    /// <summary>Inserts the row and sets its generated key.</summary>
    public async Task InsertAsync(T row, CancellationToken ct)
    {
        Bind(_insert, row);
        var id = await _insert.ExecuteScalarAsync(ct);
        _key.PropertyInfo!.SetValue(row, Convert.ChangeType(id, _key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Updates the row if its stored version is still <paramref name="expectedVersion"/>; false when someone changed it.</summary>
    public async Task<bool> UpdateAsync(T row, Guid expectedVersion, CancellationToken ct)
    {
        Bind(_update, row);
        _update.Parameters.Add(_key.GetRelationalTypeMapping().CreateParameter(_update, "@key", _key.PropertyInfo!.GetValue(row)));
        if (_version is not null)
        {
            _update.Parameters.Add(_version.GetRelationalTypeMapping().CreateParameter(_update, "@version", expectedVersion));
        }
        return await _update.ExecuteNonQueryAsync(ct) == 1;
    }

    private void Bind(DbCommand command, T row)
    {
        command.Parameters.Clear();
        for (var i = 0; i < _columns.Count; i++)
        {
            var column = _columns[i];
            // The mapping applies the model's value converter (e.g. an enum stored by name) as EF does.
            command.Parameters.Add(column.GetRelationalTypeMapping().CreateParameter(command, $"@p{i}", column.PropertyInfo!.GetValue(row), column.IsNullable));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _update.DisposeAsync();
    }
}

/// <summary>Audit entries for rows written by <see cref="BulkRows{T}"/>, in the form <c>SaveChangesAsync(Actor)</c> gives them.</summary>
public static class BulkAudit
{
    public sealed record Change(IAudited Row, AuditAction Action, string? Before);

    public static async Task WriteAuditAsync(this TablesDbContext db, Actor actor, IEnumerable<Change> changes, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await using var audit = await BulkRows<AuditEntry>.OpenAsync(db, ct);
        foreach (var change in changes)
        {
            var key = db.Model.FindEntityType(change.Row.GetType())!.FindPrimaryKey()!.Properties;
            await audit.InsertAsync(new AuditEntry
            {
                TableId = change.Row.AuditTableId,
                ActorId = actor.UserId,
                ActorName = actor.Name,
                At = now,
                Entity = change.Row.GetType().Name,
                EntityId = string.Join(",", key.Select(p => p.PropertyInfo!.GetValue(change.Row))),
                Action = change.Action,
                Before = change.Before,
                After = change.Action == AuditAction.Deleted ? null : db.AuditSnapshot(change.Row),
            }, ct);
        }
    }
}
