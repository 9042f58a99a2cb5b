
namespace Tables.Web.Tests.Data;

/// <summary>
/// Data Protection keys live in the database: a sign-in cookie issued by one instance is accepted by another sharing the
/// database, although each has its own data directory (no shared key folder).
/// </summary>
public sealed class SharedKeysTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_issued_by_instance_A_is_accepted_by_instance_B_on_a_shared_SQLite_database()
    {
        var shared = Path.Combine(Path.GetTempPath(), "tables-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(shared);
        var connection = $"Data Source={Path.Combine(shared, "tables.db")}";
        try
        {
            await using var a = new Instance(connection);
            await using var b = new Instance(connection);
            await AssertCookieTravelsAsync(a, b);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(shared, recursive: true);
        }
    }

    [Fact]
    public async Task A_cookie_issued_by_instance_A_is_accepted_by_instance_B_on_PostgreSQL()
    {
        var connection = await PostgresServer.NewDatabaseAsync();
        PostgresServer.Require(connection is not null);
        try
        {
            await using var a = new Instance(connection!, postgres: true);
            await using var b = new Instance(connection!, postgres: true);
            await AssertCookieTravelsAsync(a, b);
        }
        finally
        {
            await PostgresServer.DropAsync(connection!);
        }
    }

    private static async Task AssertCookieTravelsAsync(Instance a, Instance b)
    {
        _ = a.Services; // A starts first: it migrates and loads the sample; B finds them done.
        var cookie = await a.SignInCookiesAsync(TablesAppFactory.Coordinator);
        Assert.NotEqual(a.DataDirectory, b.DataDirectory);

        using var onB = b.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/tables/tilleuls/members", Ct)).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tables/tilleuls/members");
        request.Headers.Add("Cookie", cookie);
        var response = await onB.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>One instance: its own data directory, the shared database.</summary>
    private sealed class Instance : TablesAppFactory
    {
        public Instance(string connectionString, bool postgres = false)
        {
            Settings["ConnectionStrings:Tables"] = connectionString;
            if (postgres)
            {
                Settings["Database:Provider"] = "Postgres";
            }
        }

    }
}
