using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Tables.Web.Data;

public static class DataExtensions
{
    /// <summary>
    /// SQLite in the data directory (<c>Data:Directory</c>, default <c>data/</c> under the content root), unless
    /// <c>ConnectionStrings:Tables</c> names another database; PostgreSQL when <c>Database:Provider</c> is <c>Postgres</c>
    /// (then <c>ConnectionStrings:Tables</c> is required).
    /// </summary>
    public static void AddTablesData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DataOptions>().Bind(builder.Configuration.GetSection("Data")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection("Database"));
        // Migrations first, before every other hosted service (Data Protection's reads its keys from the database at
        // start) and before the server starts.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseSetup>());
        var data = builder.Configuration.GetSection("Data").Get<DataOptions>() ?? new DataOptions();
        var provider = builder.Configuration.GetSection("Database").Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var directory = Path.GetFullPath(data.Directory, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        var connectionString = builder.Configuration.GetConnectionString("Tables") ?? (provider == DatabaseProvider.Sqlite ? DefaultConnectionString(directory)
            : throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:Tables (e.g. ConnectionStrings__Tables=\"Host=db;Database=tables;Username=tables;Password=…\")."));
        // Sign-in cookies and antiforgery tokens stay valid across restarts and on every instance sharing the database.
        builder.Services.AddDataProtection().PersistKeysToDbContext<TablesDbContext>().SetApplicationName("Tables");
        // The options are the same for every request: built once (singleton), not for each scope — building them was
        // a tenth of the server's CPU when 2,000 phones voted at once (docs/PERFORMANCE.md).
        builder.Services.AddScoped<TableScope>();
        builder.Services.AddDbContext<TablesDbContext>(options => options.UseTablesDatabase(provider, connectionString).AddInterceptors(new LiveTransactions()),
            optionsLifetime: ServiceLifetime.Singleton);
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
}

/// <summary>
/// Applies pending migrations and switches SQLite to WAL (readers never block the writer) when the app starts. A hosted
/// service registered before the others: hosted services start one after the other, in registration order, and all of
/// them before the server listens (dotnet/aspnetcore#36122, .NET 6 and later; <c>HostOptions.ServicesStartConcurrently</c>
/// stays false) — the app answers no request, and no background service writes, before the database is ready.
/// A database that cannot be used (damaged, not a database, locked by another program, unreadable) is reported once,
/// naming the file and what to do, and the app stops (<see cref="DatabaseUnavailableException"/>, exit code 1) rather
/// than start half-working.
/// </summary>
internal sealed class DatabaseSetup(IServiceScopeFactory scopes, ILoggerFactory loggers) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(scopes, loggers, cancellationToken))
        {
            throw new DatabaseUnavailableException();
        }
    }

    /// <summary>Migrates; false (after logging the file and what to do) when the database cannot be used.</summary>
    public static async Task<bool> PrepareAsync(IServiceScopeFactory scopes, ILoggerFactory loggers, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TablesDbContext>();
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            return true;
        }
        catch (Exception e) when (DatabaseTrouble.Find(e) is { } sqlite)
        {
            var file = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
            DatabaseTrouble.Report(loggers.CreateLogger("Tables.Data"), file, sqlite);
            return false;
        }
        catch (Exception e) when (DatabaseTrouble.FindPostgres(e) is { } postgres)
        {
            DatabaseTrouble.Report(loggers.CreateLogger("Tables.Data"), db.Database.GetConnectionString(), postgres);
            return false;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Where the data lives (section <c>Data</c>), checked at start.</summary>
public sealed class DataOptions
{
    /// <summary>The data directory (SQLite file, keys), relative to the content root; default <c>data</c>.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public string Directory { get; set; } = "data";
}

/// <summary>
/// The database could not be used at start; what and why is already logged. Its text is only its message: the host logs
/// a failed start with the exception, and a stack trace would bury the line that says what to do.
/// </summary>
public sealed class DatabaseUnavailableException() : Exception("The database cannot be used; see the message logged just before.")
{
    public override string ToString() => Message;
}
