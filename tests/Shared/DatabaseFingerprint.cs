using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Tables.Testing;

public static class DatabaseFingerprint
{
    /// <summary>Rows per table of the database (audit entries included), in one query, on SQLite and PostgreSQL alike:
    /// equal before and after a refused request means it wrote nothing.</summary>
    public static Task<string> FingerprintAsync(this TablesAppFactory app, CancellationToken ct = default) => app.WithDbAsync(async db =>
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order().ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', COUNT(*) FROM \"{t}\""));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var counts = new StringBuilder();
        while (await reader.ReadAsync(ct))
        {
            counts.Append(reader.GetString(0)).Append('=').Append(reader.GetInt64(1)).Append(' ');
        }
        return counts.ToString();
    });
}
