using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Features.Tally;

namespace Tables.Web.Tests.Features;

/// <summary>
/// POST /api/tally cannot exhaust the server: a few counts at once, a short queue, then 503 with Retry-After
/// (problem+json, localized); a body that arrives too slowly is dropped (408); a large file is read as it arrives.
/// </summary>
public sealed class TallyCapacityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Post(string body, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tally?method=plurality") { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        return request;
    }

    /// <summary>A body that sends its first part, then waits until the test lets it finish.</summary>
    private sealed class SlowBody(string first, Task rest) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(first));
            await stream.FlushAsync();
            await rest;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task With_every_count_taken_and_no_queue_the_answer_is_503_with_retry_after_in_the_callers_language()
    {
        await using var app = new TablesAppFactory { Settings = { ["Tally:MaxConcurrent"] = "1", ["Tally:QueueLength"] = "0", ["Tally:RetryAfterSeconds"] = "7" } };
        using var client = app.Client();
        var gate = app.Services.GetRequiredService<TallyGate>();

        HttpResponseMessage french, english;
        using (var taken = await gate.EnterAsync(Ct))
        {
            Assert.True(taken.IsAcquired);
            french = await client.SendAsync(Post("1:A\n"), Ct);
            english = await client.SendAsync(Post("1:A\n", "en"), Ct);
        }
        var after = await client.SendAsync(Post("1:A\n"), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, french.StatusCode);
        Assert.Equal("application/problem+json", french.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(7), french.Headers.RetryAfter?.Delta);
        var problem = JsonDocument.Parse(await french.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal("Le serveur compte déjà d'autres bulletins. Réessayez dans 7 secondes.", problem.GetProperty("title").GetString());
        Assert.StartsWith("The server is already counting", JsonDocument.Parse(await english.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_call_waits_in_the_queue_and_the_one_after_it_is_refused()
    {
        await using var app = new TablesAppFactory { Settings = { ["Tally:MaxConcurrent"] = "1", ["Tally:QueueLength"] = "1" } };
        using var client = app.Client();
        var gate = app.Services.GetRequiredService<TallyGate>();
        var taken = await gate.EnterAsync(Ct);

        var one = client.SendAsync(Post("2:A\n1:B\n"), Ct);
        var two = client.SendAsync(Post("2:A\n1:B\n"), Ct);
        // With the count taken, one call waits in the queue and cannot end; the other finds the queue full.
        var refused = await await Task.WhenAny(one, two);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        taken.Dispose();
        var queued = await (refused == await one ? two : one);

        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        Assert.Equal("A", JsonDocument.Parse(await queued.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("winners")[0].GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/csv")]
    public async Task A_body_that_stops_arriving_is_dropped_with_408_and_frees_the_count(string type)
    {
        await using var app = new TablesAppFactory { Settings = { ["Tally:MaxConcurrent"] = "1", ["Tally:QueueLength"] = "0", ["Tally:TimeoutSeconds"] = "0.5" } };
        using var client = app.Client();
        var never = new TaskCompletionSource();
        using var slow = new HttpRequestMessage(HttpMethod.Post, "/api/tally?method=plurality")
        {
            Content = new SlowBody(type == "text/csv" ? "A,B\n1,\n" : "=A:\n=B:\n1:A\n", never.Task),
        };
        slow.Content.Headers.ContentType = new MediaTypeHeaderValue(type);

        var dropped = await client.SendAsync(slow, Ct);
        never.SetResult();
        var next = await client.SendAsync(Post("1:A\n"), Ct);

        Assert.Equal(HttpStatusCode.RequestTimeout, dropped.StatusCode);
        Assert.Equal("application/problem+json", dropped.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_large_file_is_counted_and_an_error_deep_inside_is_placed_and_imports_nothing()
    {
        await using var app = new TablesAppFactory();
        using var client = app.Client();
        var lines = new StringBuilder("=A:\n=B:\n=C:\n");
        for (var i = 0; i < 300_000; i++)
        {
            lines.Append((i % 5) switch { 0 or 1 => "1:A>B>C\n", 2 or 3 => "1:B>C\n", _ => "1:C>A\n" });
        }
        var good = lines.ToString();

        var counted = await client.PostAsync("/api/tally?method=irv", new StringContent(good, Encoding.UTF8, "text/plain"), Ct);
        var bad = await client.PostAsync("/api/tally?method=irv", new StringContent(good + "1:A>>B\n" + good[12..], Encoding.UTF8, "text/plain"), Ct);

        Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
        var result = JsonDocument.Parse(await counted.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(300_000, result.GetProperty("ballots").GetInt32());
        Assert.Equal(["A", "B", "C"], result.GetProperty("ranking").EnumerateArray().Select(g => g[0].GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(("abif.expected-option", 300_004, 5), (problem.GetProperty("code").GetString(), problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetInt32()));
        Assert.Equal(1, problem.GetProperty("errors").GetArrayLength());
    }

    [Theory]
    [InlineData("Tally:MaxConcurrent", "0")]
    [InlineData("Tally:QueueLength", "-1")]
    [InlineData("Tally:TimeoutSeconds", "0")]
    public async Task Settings_out_of_range_stop_the_start(string key, string value)
    {
        await using var app = new TablesAppFactory { Settings = { [key] = value } };

        var e = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(key.Split(':')[1], e.ToString());
    }
}
