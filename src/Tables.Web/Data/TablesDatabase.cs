using System.Reflection;
using System.Runtime.Loader;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Tables.Web.Data;

/// <summary>Which database engine holds the data (setting <c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>A file in the data directory: one instance, nothing to install (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (<c>ConnectionStrings:Tables</c>): several instances may share it.</summary>
    Postgres,
}

/// <summary>Settings of section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

/// <summary>
/// The one place that turns (provider, connection string) into context options: the app, both providers' design-time
/// factories and the tests use it, so what is migrated is what runs.
/// </summary>
public static class TablesDatabase
{
    /// <summary>PostgreSQL's migrations live in their own assembly (SQLite's stay in Tables.Web/Data/Migrations).</summary>
    public const string PostgresMigrationsAssembly = "Tables.Migrations.Postgres";

    public static TBuilder UseTablesDatabase<TBuilder>(this TBuilder options, DatabaseProvider provider, string connectionString,
        Assembly? postgresMigrations = null) where TBuilder : DbContextOptionsBuilder
    {
        _ = provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(postgresMigrations ?? LoadPostgresMigrations())),
            _ => options.UseSqlite(connectionString),
        };
        return options;
    }

    /// <summary>
    /// The PostgreSQL migrations assembly. Tables.Web cannot reference it (it references Tables.Web: a cycle), so when the
    /// app's dependency list does not name it (tests and tools do) it is loaded from the app's folder, where its build
    /// copies it.
    /// </summary>
    public static Assembly LoadPostgresMigrations()
    {
        try
        {
            return Assembly.Load(new AssemblyName(PostgresMigrationsAssembly));
        }
        catch (FileNotFoundException)
        {
            var path = Path.Combine(AppContext.BaseDirectory, PostgresMigrationsAssembly + ".dll");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"Database:Provider=Postgres needs {PostgresMigrationsAssembly}.dll beside Tables.Web.dll ({AppContext.BaseDirectory}): "
                    + "build the solution (dotnet build Tables.sln) or publish with scripts/publish.sh (docs/DEPLOYMENT.md).");
            }
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        }
    }

    /// <summary>
    /// Provider-specific conventions. PostgreSQL: <see cref="DateTime"/> is stored as <c>timestamp without time zone</c>
    /// and written whatever its kind, as SQLite stores it (the app keeps UTC instants and a forum's local date as
    /// entered); Npgsql otherwise refuses to write a non-UTC value into <c>timestamptz</c>. Text is written as SQLite
    /// writes it where PostgreSQL would refuse it (a 500 instead of a saved idea): a lone surrogate becomes U+FFFD (what
    /// Microsoft.Data.Sqlite's UTF-8 encoding does; Npgsql's strict encoding throws) and U+0000, which a PostgreSQL text
    /// cannot hold, is dropped.
    /// </summary>
    internal static void ConfigureConventions(ModelConfigurationBuilder builder, string? providerName)
    {
        if (providerName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            builder.Properties<DateTime>().HaveConversion<AnyKindDateTime>().HaveColumnType("timestamp without time zone");
            builder.Properties<string>().HaveConversion<StorableText>();
        }
    }

    /// <summary>Writes a <see cref="DateTime"/> as the wall-clock value it holds (Npgsql refuses UTC-kind values for <c>timestamp</c>).</summary>
    internal sealed class AnyKindDateTime() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified),
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified));

    /// <summary>Text PostgreSQL accepts: no U+0000, no lone surrogate (see <see cref="ConfigureConventions"/>).</summary>
    internal sealed class StorableText() : ValueConverter<string, string>(v => Storable(v), v => v)
    {
        internal static string Storable(string text)
        {
            var clean = true;
            for (var i = 0; i < text.Length && clean; i++)
            {
                var c = text[i];
                clean = c != '\0' && (!char.IsSurrogate(c) || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[++i])));
            }
            if (clean)
            {
                return text;
            }
            var b = new System.Text.StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\0')
                {
                    continue;
                }
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    b.Append(c).Append(text[++i]);
                }
                else
                {
                    b.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                }
            }
            return b.ToString();
        }
    }
}
