using Microsoft.Data.Sqlite;

namespace Tables.Web.Tests.Security;

/// <summary>A database that cannot be used stops the app at start, with the file and what to do.</summary>
public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task A_corrupt_database_file_stops_the_app_with_its_name_and_what_to_do()
    {
        var data = AppProcess.NewDataDirectory("corrupt");
        Directory.CreateDirectory(data);
        var file = Path.Combine(data, "tables.db");
        await File.WriteAllTextAsync(file, string.Concat(Enumerable.Repeat("Ceci n'est pas une base de données. ", 200)), TestContext.Current.CancellationToken);
        try
        {
            var run = await AppProcess.RunAsync(data, ["--urls", "http://127.0.0.1:0"]);
            Assert.True(run.ExitCode == 1, run.Output);
            Assert.True(run.Output.Contains(file, StringComparison.Ordinal), run.Output);
            Assert.Contains("is damaged or is not a Tables database", run.Output);
            Assert.Contains("put the last backup in its place", run.Output);
            Assert.DoesNotContain("Now listening", run.Output);
            Assert.DoesNotContain("   at ", run.Output); // a message, not a stack trace
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_database_locked_by_another_program_stops_the_app_and_says_so()
    {
        var data = AppProcess.NewDataDirectory("locked");
        Directory.CreateDirectory(data);
        var file = Path.Combine(data, "tables.db");
        try
        {
            // Another program holds the file's write lock (a backup in progress, say) for as long as the app tries.
            await using (var other = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await other.OpenAsync(TestContext.Current.CancellationToken);
                using (var begin = other.CreateCommand())
                {
                    begin.CommandText = "CREATE TABLE other(x); BEGIN EXCLUSIVE; INSERT INTO other VALUES (1);";
                    await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
                }
                var run = await AppProcess.RunAsync(data, ["--urls", "http://127.0.0.1:0"],
                    settings: new Dictionary<string, string> { ["ConnectionStrings__Tables"] = $"Data Source={file};Default Timeout=1" });
                Assert.Equal(1, run.ExitCode);
                Assert.Contains(file, run.Output);
                Assert.Contains("is locked by another program", run.Output);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
