namespace Tables.Web.Tests.Hosting;

/// <summary>Settings are checked when the app starts, not when a room first needs them.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Live:UpdateIntervalMs", "5", "UpdateIntervalMs")]
    [InlineData("Tally:PermitsPerMinute", "0", "PermitsPerMinute")]
    [InlineData("Forums:CallsPerWindow", "-1", "CallsPerWindow")]
    public void A_setting_out_of_range_stops_the_start_and_says_which(string key, string value, string named)
    {
        using var app = new TablesAppFactory();
        app.Settings[key] = value;
        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains(named, error.ToString());
    }

    [Fact]
    public async Task The_database_is_migrated_and_the_sample_loaded_before_the_first_answer()
    {
        using var app = new TablesAppFactory();
        using var client = app.CreateClient();
        // The first request already finds the sample table: migrations and samples ran before the server answered.
        var response = await client.GetAsync("/api/tables/tilleuls", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
