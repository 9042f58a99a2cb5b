using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace Tables.Web.Tests.Features;

/// <summary>
/// Issue #12 §4, the smaller holes: a closed forum takes no vote, nulls inside JSON are refused (never a 500), a
/// replayed message cannot bring an older ballot back, a refused hub call is logged once and short, GetSnapshot is
/// throttled like the other calls.
/// </summary>
public sealed class ForumHolesTests(ForumHolesTests.App app) : IClassFixture<ForumHolesTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(UserClaims.Administrator, "true")], "test"));

    /// <summary>The sample app with a small call limit (never reset during a test) and every log entry kept.</summary>
    public sealed class App : TablesAppFactory
    {
        public const int CallsPerWindow = 8;
        public ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> Log { get; } = new();

        public App()
        {
            Settings["Forums:CallsPerWindow"] = CallsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Settings["Forums:WindowSeconds"] = "3600";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(new Provider(Log)));
        }

        private sealed class Provider(ConcurrentQueue<(LogLevel, string, string, Exception?)> log) : ILoggerProvider
        {
            public ILogger CreateLogger(string categoryName) => new Logger(log, categoryName);
            public void Dispose() { }
        }

        private sealed class Logger(ConcurrentQueue<(LogLevel, string, string, Exception?)> log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                log.Enqueue((logLevel, category, formatter(state, exception), exception));
        }
    }

    /// <summary>An open forum of the sample table with an open 6-of-9 ballot, through the services.</summary>
    private async Task<(Forum Forum, Ballot Ballot)> OpenBallotAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var access = (await sp.GetRequiredService<TableService>().EnterAsync(Admin, "tilleuls", Ct))!;
        var console = sp.GetRequiredService<ForumConsole>();
        var cycle = (await console.ListAsync(access, Ct)).First().CycleId;
        var forum = await console.CreateAsync(access, Admin, new ForumCreate { CycleId = cycle, Title = "Trous", StartsAt = DateTime.UtcNow }, Ct);
        await console.OpenAsync(access, Admin, forum.Id, Ct);
        var ballot = await sp.GetRequiredService<BallotService>().CreateAsync(access, Admin, forum.Id, ForumTestKit.SixOfNine(), null, Ct);
        await console.OpenBallotAsync(access, Admin, ballot.Id, Ct);
        return (forum, ballot);
    }

    private Task<T> InTableAsync<T>(Func<IServiceProvider, TableAccess, Task<T>> work) => app.InTableAsync("tilleuls", work);

    private Task<List<Vote>> VotesAsync(int ballotId) => app.WithDbAsync(db => db.Votes.AsNoTracking().Where(v => v.BallotId == ballotId).ToListAsync());

    [Fact]
    public async Task A_closed_forum_takes_no_vote_even_in_a_ballot_left_open()
    {
        var (forum, ballot) = await OpenBallotAsync();
        var joined = await InTableAsync((sp, _) => sp.GetRequiredService<LiveForum>().JoinAsync(new JoinRequest(forum.JoinCode, null, null, null), Ct));
        await InTableAsync(async (sp, access) =>
        {
            await sp.GetRequiredService<ForumConsole>().CloseAsync(access, Admin, forum.Id, Ct);
            return 0;
        });

        var cast = await Assert.ThrowsAsync<ForumException>(() => InTableAsync((sp, _) => sp.GetRequiredService<LiveForum>()
            .CastAsync(joined.ParticipantId, new CastRequest(ballot.Id, ForumTestKit.Approve("A"), ForumTestKit.NewId(), ForumHubClient.NextVersion()), Ct)));
        Assert.Contains("n'est pas ouvert", cast.Message);
        await Assert.ThrowsAsync<ForumException>(() => InTableAsync((sp, access) => sp.GetRequiredService<ForumConsole>()
            .EnterPaperBallotAsync(access, Admin, ballot.Id, ForumTestKit.Approve("B"), null, ForumTestKit.NewId(), Ct)));
        Assert.Empty(await VotesAsync(ballot.Id));
    }

    [Fact]
    public async Task A_replayed_or_overtaken_message_cannot_bring_an_older_ballot_back()
    {
        var (forum, ballot) = await OpenBallotAsync();
        await using var phone = app.Hub();
        await phone.StartAsync(Ct);
        var joined = await phone.JoinAsync(new JoinRequest(forum.JoinCode, null, null, null), Ct);
        var first = new CastRequest(ballot.Id, ForumTestKit.Approve("A"), "m1", 1000);
        var second = new CastRequest(ballot.Id, ForumTestKit.Approve("B"), "m2", 2000);

        Assert.Equal(VoteOutcome.Stored, (await phone.CastAsync(first, Ct)).Outcome);
        Assert.Equal(VoteOutcome.Stored, (await phone.CastAsync(second, Ct)).Outcome);
        // The first message again (a replay), and a change sent before the stored one that arrives after it.
        var replay = await Assert.ThrowsAsync<HubException>(() => phone.CastAsync(first, Ct));
        Assert.Contains("plus récent", replay.Message);
        await Assert.ThrowsAsync<HubException>(() => phone.CastAsync(new CastRequest(ballot.Id, ForumTestKit.Approve("C"), "m3", 1500), Ct));
        Assert.Equal(VoteOutcome.Duplicate, (await phone.CastAsync(second, Ct)).Outcome);

        var vote = Assert.Single(await VotesAsync(ballot.Id));
        Assert.Equal(["B"], vote.Content.Values!.Keys);
        Assert.Equal(2000, vote.Version);
        // The phone learns the stored version with its snapshot, to number its next change above it.
        var again = await phone.JoinAsync(new JoinRequest(forum.JoinCode, joined.Token, null, null), Ct);
        Assert.Equal(2000, again.Snapshot.Ballots.Single(b => b.Id == ballot.Id).MyVersion);
    }

    public static TheoryData<string, string, string> NullBodies() => new()
    {
        { "POST", "/api/tables/tilleuls/forums/{forum}/ballots", """{"question":"Q","method":"plurality","options":["A",null]}""" },
        { "POST", "/api/tables/tilleuls/forums/{forum}/ballots", """{"question":"Q","method":"plurality","options":null}""" },
        { "POST", "/api/tables/tilleuls/forums/{forum}/ballots", """{"question":"Q","method":"plurality","options":["A","B"],"settings":null}""" },
        { "POST", "/api/tables/tilleuls/forums/", """{"cycleId":{cycle},"title":"F","startsAt":"2027-01-01T19:00:00Z","agenda":[null]}""" },
        { "POST", "/api/tables/tilleuls/forums/", """{"cycleId":{cycle},"title":"F","startsAt":"2027-01-01T19:00:00Z","groups":null}""" },
        { "POST", "/api/tables/tilleuls/forums/", """{"cycleId":{cycle},"title":"F","startsAt":"2027-01-01T19:00:00Z","groups":["A",null]}""" },
        { "PUT", "/api/tables/tilleuls", """{"name":"Table des Tilleuls (fictive)","neighbourhood":"Les Tilleuls","defaultLanguage":"fr","isPublic":true,"themes":null}""" },
        { "PUT", "/api/tables/tilleuls", """{"name":"Table des Tilleuls (fictive)","neighbourhood":"Les Tilleuls","defaultLanguage":"fr","isPublic":true,"themes":["Logement",null]}""" },
    };

    [Theory]
    [MemberData(nameof(NullBodies))]
    public async Task A_null_inside_a_body_is_a_400_naming_the_field_and_changes_nothing(string method, string path, string body)
    {
        var (forum, _) = await OpenBallotAsync();
        var cycle = forum.CycleId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);
        var before = await app.WithDbAsync(async db => (await db.Ballots.CountAsync(), await db.Forums.CountAsync(), await db.AuditEntries.CountAsync()));

        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{forum}", forum.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            Content = new StringContent(body.Replace("{cycle}", cycle), Encoding.UTF8, "application/json"),
        };
        using var response = await coordinator.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        Assert.Equal(before, await app.WithDbAsync(async db => (await db.Ballots.CountAsync(), await db.Forums.CountAsync(), await db.AuditEntries.CountAsync())));
    }

    [Theory]
    [InlineData("""{"ranking":[null]}""")]
    [InlineData("""{"ranking":[["A",null]]}""")]
    [InlineData("""{"values":{"A":null}}""")]
    public async Task A_null_inside_a_cast_is_refused_without_an_error_and_the_phone_stays_connected(string content)
    {
        var (forum, ballot) = await OpenBallotAsync();
        await using var phone = app.Hub();
        await phone.StartAsync(Ct);
        await phone.JoinAsync(new JoinRequest(forum.JoinCode, null, null, null), Ct);
        var errorsBefore = Errors().Count;
        using var cast = JsonDocument.Parse($$"""{"ballotId":{{ballot.Id}},"content":{{content}},"clientMessageId":"n1","version":1}""");

        await Assert.ThrowsAsync<HubException>(() => phone.InvokeAsync<CastAck>(nameof(ForumHub.Cast), cast.RootElement, Ct));

        Assert.Equal(HubConnectionState.Connected, phone.State);
        Assert.Equal(VoteOutcome.Stored, (await phone.CastAsync(new CastRequest(ballot.Id, ForumTestKit.Approve("A"), "n2", 2), Ct)).Outcome);
        Assert.Equal(errorsBefore, Errors().Count);
    }

    private List<string> Errors() => [.. app.Log.Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Category}: {e.Message}")];

    [Fact]
    public async Task A_refused_hub_call_is_logged_once_short_and_without_a_stack_trace()
    {
        var (_, ballot) = await OpenBallotAsync();
        await using var guesser = app.Hub();
        await guesser.StartAsync(Ct);
        var before = app.Log.Count;

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<HubException>(() => guesser.JoinAsync(new JoinRequest("AAAAAA", null, null, null), Ct));
        }
        await Assert.ThrowsAsync<HubException>(() => guesser.CastAsync(new CastRequest(ballot.Id, ForumTestKit.Approve("A"), "x", 1), Ct));

        var entries = app.Log.Skip(before).ToList();
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning);
        Assert.DoesNotContain(entries, e => e.Exception is not null);
        var refusals = entries.Where(e => e.Category == typeof(HubRefusals).FullName).ToList();
        Assert.Equal(3, refusals.Count(e => e.Message.Contains("Join", StringComparison.Ordinal)));
        Assert.Single(refusals, e => e.Message.Contains("Cast", StringComparison.Ordinal));
        Assert.All(refusals, e => Assert.True(e.Level == LogLevel.Information && e.Message.Length < 250 && !e.Message.Contains('\n'), e.Message));
    }

    [Fact]
    public async Task GetSnapshot_is_throttled_like_the_other_calls()
    {
        var (forum, _) = await OpenBallotAsync();
        await using var phone = app.Hub();
        await phone.StartAsync(Ct);
        await phone.JoinAsync(new JoinRequest(forum.JoinCode, null, null, null), Ct);

        for (var i = 1; i < App.CallsPerWindow; i++)
        {
            await phone.GetSnapshotAsync(Ct);
        }
        var refused = await Assert.ThrowsAsync<HubException>(() => phone.GetSnapshotAsync(Ct));
        Assert.Contains("Trop de messages", refused.Message);
        Assert.Equal(HubConnectionState.Connected, phone.State);
    }
}
