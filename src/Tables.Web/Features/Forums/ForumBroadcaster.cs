using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Features.Ballots;

namespace Tables.Web.Features.Forums;

/// <summary>
/// Coalesces what changed and tells every screen at most every <see cref="Interval"/>: a forum marked ten times in
/// a quarter second is sent once, and so is a ballot receiving a hundred votes. Each message carries a growing
/// version; clients that (re)connect ask for a snapshot instead of relying on having seen every message, which is
/// also what keeps it right behind a Redis backplane. Blazor screens (console, wall) subscribe to the C# events.
/// </summary>
public sealed partial class ForumBroadcaster : BackgroundService
{
    /// <summary>
    /// Default time between two updates of one ballot: 200 ms, 5 a second — about the 4 the forum asks for, and short
    /// enough that 2,000 phones see a vote in the results within 250 ms (docs/PERFORMANCE.md).
    /// <c>Forums:UpdateIntervalMs</c> sets it (100–1000).
    /// </summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(200);
    private readonly TimeSpan _interval;
    private static long _version = DateTime.UtcNow.Ticks;
    private readonly ConcurrentDictionary<int, byte> _forums = new();
    private readonly ConcurrentDictionary<int, byte> _ballots = new();
    private readonly ConcurrentDictionary<int, byte> _participants = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly IHubContext<ForumHub, IForumClient> _hub;
    private readonly ILogger<ForumBroadcaster> _logger;

    public ForumBroadcaster(IServiceScopeFactory scopes, IHubContext<ForumHub, IForumClient> hub, VoteWriter writer, ILogger<ForumBroadcaster> logger,
        IConfiguration configuration)
    {
        _interval = TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue("Forums:UpdateIntervalMs", (int)DefaultInterval.TotalMilliseconds), 100, 1000));
        _scopes = scopes;
        _hub = hub;
        _logger = logger;
        writer.BallotsChanged += ids =>
        {
            foreach (var id in ids)
            {
                _ballots.TryAdd(id, 0);
            }
        };
    }

    /// <summary>A public snapshot of the forum was sent.</summary>
    public event Action<ForumSnapshot>? ForumUpdated;

    /// <summary>Live figures of a ballot were sent.</summary>
    public event Action<int, BallotResults>? ResultsUpdated;

    /// <summary>The number of participants of a forum changed (for the wall and the console; phones get it with results).</summary>
    public event Action<int, int>? ParticipantsUpdated;

    public static long NextVersion() => Interlocked.Increment(ref _version);

    public static string Group(int forumId) => $"forum:{forumId}";

    public void MarkForum(int forumId) => _forums.TryAdd(forumId, 0);

    public void MarkBallot(int ballotId) => _ballots.TryAdd(ballotId, 0);

    /// <summary>
    /// Someone joined: only the count changed. Sending the whole snapshot to every phone for each arrival would cost
    /// 2,000 × 4 snapshots a second while a room joins; the staff screens get the count, phones get it with results.
    /// </summary>
    public void MarkParticipants(int forumId) => _participants.TryAdd(forumId, 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await FlushAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFlushFailed(_logger, e);
            }
        }
    }

    /// <summary>Sends what is pending now (also used by tests to avoid waiting for the timer).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var forums = Drain(_forums);
        var ballots = Drain(_ballots);
        var joined = Drain(_participants);
        if (forums.Count == 0 && ballots.Count == 0 && joined.Count == 0)
        {
            return;
        }
        await using var scope = _scopes.CreateAsyncScope();
        var live = scope.ServiceProvider.GetRequiredService<LiveForum>();
        // Updates are sent for every forum of the instance, after the change was authorized and made.
        scope.ServiceProvider.GetRequiredService<TableScope>().EnterAllTables();
        var db = scope.ServiceProvider.GetRequiredService<TablesDbContext>();
        foreach (var forumId in joined.Except(forums))
        {
            var count = await db.Participants.CountAsync(p => p.ForumId == forumId, ct);
            ParticipantsUpdated?.Invoke(forumId, count);
        }
        foreach (var forumId in forums)
        {
            var snapshot = await live.SnapshotAsync(forumId, null, ct, withResults: false);
            await _hub.Clients.Group(Group(forumId)).ForumChanged(snapshot);
            ForumUpdated?.Invoke(snapshot);
        }
        foreach (var ballot in await db.Ballots.AsNoTracking().Where(b => ballots.Contains(b.Id)).ToListAsync(ct))
        {
            var results = await live.ResultsAsync(ballot, ct);
            await _hub.Clients.Group(Group(ballot.ForumId)).ResultsChanged(results);
            ResultsUpdated?.Invoke(ballot.ForumId, results);
        }
    }

    private static List<int> Drain(ConcurrentDictionary<int, byte> pending)
    {
        var ids = new List<int>();
        foreach (var id in pending.Keys)
        {
            if (pending.TryRemove(id, out _))
            {
                ids.Add(id);
            }
        }
        return ids;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending forum updates failed.")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
