using System.Text;
using System.Text.Json;

namespace Tables.Web.Tests.Features;

/// <summary>POST /api/tally: anyone re-counts ballots from ABIF or CSV; errors name the line and column.</summary>
public sealed class TallyApiTests(TablesAppFactory app) : IClassFixture<TablesAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Tennessee = """
        =Memph:[Memphis, TN]
        =Nash:[Nashville, TN]
        =Chat:[Chattanooga, TN]
        =Knox:[Knoxville, TN]
        42:Memph>Nash>Chat>Knox
        26:Nash>Chat>Knox>Memph
        15:Chat>Knox>Nash>Memph
        17:Knox>Chat>Nash>Memph
        """;

    private async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> PostAsync(string query, string body, string contentType, string? language = null)
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tally" + query) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        var response = await client.SendAsync(request, Ct);
        var json = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, json.Length == 0 ? default : JsonDocument.Parse(json).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("plurality", "Memph")]
    [InlineData("irv", "Knox")]
    [InlineData("borda", "Nash")]
    [InlineData("schulze", "Nash")]
    public async Task Tennessee_from_abif_gives_each_methods_winner(string method, string winner)
    {
        var (status, body, type) = await PostAsync("?method=" + method, Tennessee, "text/plain");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
        Assert.Equal(method, body.GetProperty("method").GetString());
        Assert.Equal(100, body.GetProperty("ballots").GetInt32());
        Assert.Equal(winner, body.GetProperty("winners")[0].GetString());
        Assert.Equal(winner, body.GetProperty("ranking")[0][0].GetString());
        Assert.Equal(4, body.GetProperty("scores").EnumerateObject().Count());
        Assert.True(body.TryGetProperty("explanation", out _));
        Assert.False(body.GetProperty("tieBreak").GetProperty("used").GetBoolean());
    }

    [Fact]
    public async Task Csv_with_options_quorum_majority_and_seed()
    {
        const string csv = "A;B;C;count\n1;1;;3\n;1;1;3\n1;;1;3\n;;;1\n";

        var (status, body, _) = await PostAsync("?method=approval&maxChoices=2&seed=abc&quorum=12&majority=2/3", csv, "text/csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(10, body.GetProperty("ballots").GetInt32());
        Assert.Equal(1, body.GetProperty("blankBallots").GetInt32());
        Assert.True(body.GetProperty("tieBreak").GetProperty("used").GetBoolean());
        Assert.Equal("abc", body.GetProperty("tieBreak").GetProperty("seed").GetString());
        Assert.Single(body.GetProperty("winners").EnumerateArray());
        Assert.False(body.GetProperty("turnout").GetProperty("quorumMet").GetBoolean());
        Assert.True(body.GetProperty("majority").GetProperty("met").GetBoolean()); // 6 of 9 counted ballots
    }

    [Fact]
    public async Task An_error_names_line_and_column_in_french_by_default_and_in_english_on_request()
    {
        var bad = "=A:[A]\n=B:[B]\n3:A/x>B\n";

        var (status, body, type) = await PostAsync("?method=score", bad, "text/plain");
        var (_, english, _) = await PostAsync("?method=score", bad, "text/plain", "en");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(3, body.GetProperty("line").GetInt32());
        Assert.Equal(5, body.GetProperty("column").GetInt32());
        Assert.Equal("abif.bad-rating", body.GetProperty("code").GetString());
        Assert.StartsWith("ligne 3, colonne 5", body.GetProperty("detail").GetString());
        Assert.StartsWith("line 3, column 5", english.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_ballot_breaking_the_method_rules_is_placed_in_the_file()
    {
        var (status, body, _) = await PostAsync("?method=approval&maxChoices=1", "=A:[A]\n=B:[B]\n2:A\n1:A=B\n", "text/plain");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ballot.too-many-choices", body.GetProperty("code").GetString());
        Assert.Equal(4, body.GetProperty("line").GetInt32());
        Assert.Equal(5, body.GetProperty("column").GetInt32());
    }

    [Theory]
    [InlineData("?method=condorcet", "text/plain", HttpStatusCode.BadRequest)]
    [InlineData("?method=score&maxScore=abc", "text/plain", HttpStatusCode.BadRequest)]
    [InlineData("?method=score", "application/json", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("", "text/plain", HttpStatusCode.BadRequest)]
    public async Task Bad_requests_get_a_problem_not_a_500(string query, string contentType, HttpStatusCode expected)
    {
        var (status, _, type) = await PostAsync(query, "1:A>B\n", contentType);

        Assert.Equal(expected, status);
        Assert.Equal("application/problem+json", type);
    }

    [Fact]
    public async Task More_than_200_options_is_refused()
    {
        var options = string.Join(",", Enumerable.Range(1, 201).Select(i => $"o{i}"));

        var (status, body, _) = await PostAsync("?method=plurality", options + "\n" + string.Join(",", Enumerable.Range(1, 201).Select(i => i == 1 ? "1" : "")) + "\n", "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("options.too-many", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_body_over_10_MB_is_refused_with_413()
    {
        var body = "1:A>B\n" + new string('#', 10 * 1024 * 1024);

        var (status, _, _) = await PostAsync("?method=schulze", body, "text/plain");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task The_endpoint_is_in_the_openapi_document()
    {
        using var client = app.Client();
        var document = await client.GetStringAsync("/openapi/v1.json", Ct);

        Assert.Contains("/api/tally", document);
        Assert.Contains("text/csv", document);
    }
}

/// <summary>The tally endpoint is rate-limited per address.</summary>
public sealed class TallyRateLimitTests
{
    [Fact]
    public async Task Past_the_limit_the_answer_is_429()
    {
        await using var app = new TablesAppFactory { Settings = { ["Tally:PermitsPerMinute"] = "3" } };
        using var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsync("/api/tally?method=plurality", new StringContent("1:A\n", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
