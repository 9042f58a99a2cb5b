using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Tables.Web.Data;

public static class DataExtensions
{
    /// <summary>
    /// SQLite in the data directory (<c>Data:Directory</c>, default <c>data/</c> under the content root), unless
    /// <c>ConnectionStrings:Tables</c> names another database.
    /// </summary>
    public static void AddTablesData(this WebApplicationBuilder builder)
    {
        var directory = Path.GetFullPath(builder.Configuration["Data:Directory"] ?? "data", builder.Environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        var connectionString = builder.Configuration.GetConnectionString("Tables") ?? DefaultConnectionString(directory);
        // Sign-in cookies and antiforgery tokens stay valid across restarts.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(directory, "keys"))).SetApplicationName("Tables");
        // The options are the same for every request: built once (singleton), not for each scope — building them was
        // a tenth of the server's CPU when 2,000 phones voted at once (docs/PERFORMANCE.md).
        builder.Services.AddScoped<TableScope>();
        builder.Services.AddDbContext<TablesDbContext>(options => options.UseSqlite(connectionString), optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddHealthChecks().AddDbContextCheck<TablesDbContext>("database", tags: ["ready"]);
        builder.Services.AddSingleton(TimeProvider.System);
    }

    private static string DefaultConnectionString(string directory)
    {
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "tables.db"),
            DefaultTimeout = 30, // seconds a command waits on a busy database before failing
            Pooling = true,
        }.ToString();
    }

    /// <summary>
    /// Applies pending migrations and switches SQLite to WAL (readers never block the writer). A database that cannot be
    /// used (damaged, not a database, locked by another program, unreadable) is reported once, naming the file and what
    /// to do, and the app stops (false) rather than start half-working.
    /// </summary>
    public static async Task<bool> MigrateTablesDataAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TablesDbContext>();
        try
        {
            await db.Database.MigrateAsync();
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            return true;
        }
        catch (Exception e) when (DatabaseTrouble.Find(e) is { } sqlite)
        {
            var file = db.Database.IsSqlite() ? Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource) : "(database)";
            DatabaseTrouble.Report(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tables.Data"), file, sqlite);
            return false;
        }
    }
}
