using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tables.Web.Data;

/// <summary>What to tell the person running the server when the database (SQLite file or PostgreSQL server) cannot be used at start.</summary>
internal static partial class DatabaseTrouble
{
    public static SqliteException? Find(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite)
            {
                return sqlite;
            }
        }
        return null;
    }

    public static NpgsqlException? FindPostgres(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException postgres)
            {
                return postgres;
            }
        }
        return null;
    }

    /// <summary>PostgreSQL: where (host, port, database, user — never the password) and why.</summary>
    public static void Report(ILogger logger, string? connectionString, NpgsqlException e)
    {
        var where = new NpgsqlConnectionStringBuilder(connectionString);
        var reason = e is PostgresException p ? $"{p.SqlState}: {p.MessageText}" : e.InnerException?.Message ?? e.Message;
        LogPostgres(logger, where.Host ?? "?", where.Port, where.Database ?? "?", where.Username ?? "?", reason);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Tables cannot start: the PostgreSQL database {Database} on {Host}:{Port} (user {User}) cannot be used ({Reason}). "
        + "Check that the server runs and accepts connections from here, that the database and the user exist with the password given in ConnectionStrings:Tables, "
        + "and that the user may create tables in it (docs/DEPLOYMENT.md).")]
    private static partial void LogPostgres(ILogger logger, string host, int port, string database, string user, string reason);

    public static void Report(ILogger logger, string file, SqliteException e)
    {
        switch (e.SqliteErrorCode)
        {
            case 11 or 26: // SQLITE_CORRUPT, SQLITE_NOTADB
                LogCorrupt(logger, file, e.SqliteErrorCode, e.Message);
                break;
            case 5 or 6: // SQLITE_BUSY, SQLITE_LOCKED
                LogLocked(logger, file, e.SqliteErrorCode, e.Message);
                break;
            case 8 or 10 or 13 or 14 or 23: // READONLY, IOERR, FULL, CANTOPEN, AUTH
                LogUnreadable(logger, file, e.SqliteErrorCode, e.Message);
                break;
            default:
                LogOther(logger, file, e.SqliteErrorCode, e.Message);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Tables cannot start: the database file {File} is damaged or is not a Tables database (SQLite error {Code}: {Reason}). "
        + "Stop here, keep a copy of this file, then put the last backup in its place (docs/DEPLOYMENT.md, \"Backup and restore\"), "
        + "or move the file aside to start with an empty database.")]
    private static partial void LogCorrupt(ILogger logger, string file, int code, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Tables cannot start: the database file {File} is locked by another program (SQLite error {Code}: {Reason}). "
        + "Find what holds it (a backup or copy in progress, a tool that opened it, a file-synchronisation client), let it finish or stop it, then start Tables again.")]
    private static partial void LogLocked(ILogger logger, string file, int code, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Tables cannot start: the database file {File} cannot be opened or written (SQLite error {Code}: {Reason}). "
        + "Check that its folder exists (Data:Directory), that the user running Tables may read and write the folder and the file, and that the disk is not full.")]
    private static partial void LogUnreadable(ILogger logger, string file, int code, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Tables cannot start: the database file {File} could not be prepared (SQLite error {Code}: {Reason}). "
        + "Keep a copy of the file and restore the last backup (docs/DEPLOYMENT.md).")]
    private static partial void LogOther(ILogger logger, string file, int code, string reason);
}
