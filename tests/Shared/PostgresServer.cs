using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Tables.Testing;

/// <summary>
/// PostgreSQL for the tests: the server named by <c>TABLES_TEST_POSTGRES</c> (a connection string whose user may create
/// databases), or else a throw-away cluster made with Debian's <c>initdb</c>/<c>pg_ctl</c> in a temporary folder, on a
/// free 127.0.0.1 port, stopped when the test process ends. Each app gets a database of its own. Without either, tests
/// skip with the reason, except under CI=true where they fail: <c>.ci/run</c> installs <c>postgresql</c>.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer?>> Shared = new(StartAsync);
    private readonly string _admin;

    private PostgresServer(string admin) => _admin = admin;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why there is no server, when there is none.</summary>
    public static string? Missing { get; private set; }

    /// <summary>Skips the test (or fails it under CI) when there is no PostgreSQL.</summary>
    public static void Require(bool available)
    {
        if (!available)
        {
            Assert.False(InCi, Missing + ": CI must have it.");
            Assert.Skip(Missing ?? "PostgreSQL not available");
        }
    }

    /// <summary>A connection string to a new, empty database; null when there is no PostgreSQL.</summary>
    public static async Task<string?> NewDatabaseAsync()
    {
        var server = await Shared.Value;
        if (server is null)
        {
            return null;
        }
        var name = "tables_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server._admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server._admin) { Database = name }.ToString();
    }

    /// <summary>Drops a database made by <see cref="NewDatabaseAsync"/> (best effort: a throw-away cluster goes anyway).</summary>
    public static async Task DropAsync(string connectionString)
    {
        if (Shared.Value is not { IsCompletedSuccessfully: true, Result: { } server })
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        try
        {
            await using var connection = new NpgsqlConnection(server._admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // Left for the cluster's end (or the server's owner).
        }
    }

    private static async Task<PostgresServer?> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("TABLES_TEST_POSTGRES") is { Length: > 0 } given)
        {
            return new PostgresServer(given);
        }
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            Missing = "PostgreSQL not found (no /usr/lib/postgresql/*/bin/initdb, TABLES_TEST_POSTGRES not set; apt-get install postgresql)";
            return null;
        }
        var folder = Path.Combine(Path.GetTempPath(), "tables-postgres-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // PostgreSQL refuses to run as root: then the cluster belongs to Debian's postgres user.
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres", folder]);
        }
        var data = Path.Combine(folder, "data");
        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "tables", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "-N"], asRoot);
        // Durability off: a test cluster is thrown away; enough connections for two app instances and their pools.
        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(folder, "log"), "-w", "-t", "120", "start"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asRoot).Wait();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans its temporary folder.
            }
        };
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=tables;Database=postgres;Maximum Pool Size=150");
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres = false)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args]) : new ProcessStartInfo(file, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output} {await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The real app (<see cref="TablesAppFactory"/>) on a new PostgreSQL database instead of SQLite.</summary>
public class PostgresAppFactory : TablesAppFactory, IAsyncLifetime
{
    public string? ConnectionString { get; private set; }

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await PostgresServer.NewDatabaseAsync();
        if (ConnectionString is not null)
        {
            Settings["Database:Provider"] = "Postgres";
            Settings["ConnectionStrings:Tables"] = ConnectionString;
        }
    }

    /// <summary>Call first in each test: skips it (fails under CI) without PostgreSQL, before the app starts on SQLite.</summary>
    public void Require() => PostgresServer.Require(ConnectionString is not null);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ConnectionString is not null)
        {
            await PostgresServer.DropAsync(ConnectionString);
        }
        GC.SuppressFinalize(this);
    }
}
