using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Tables.Web.Data;

namespace Tables.Web.Features.Live;

/// <summary>
/// The one live-update path. A committed save names the topics it changed (<see cref="Changed"/>); at most once per
/// interval each changed topic is read once (its version from the database, its state per view) and sent to its
/// followers through SignalR — the <see cref="LiveHub"/> group of each view (Blazor screens through each instance's
/// <see cref="LiveSubscriber"/>, staff clients) and whatever else its source delivers to (the phones of a forum). With
/// a Redis backplane, every instance's followers get it. A topic changed a hundred times in one interval is sent once.
/// </summary>
public sealed partial class LiveUpdates(
    IServiceScopeFactory scopes,
    IHubContext<LiveHub> hub,
    IOptions<LiveOptions> options,
    TimeProvider clock,
    ILogger<LiveUpdates> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Topic, int> _pending = new();
    private readonly ConcurrentDictionary<(Topic, LiveView), LiveMessage> _sent = new();
    private readonly List<Action<IReadOnlyCollection<Topic>>> _localListeners = [];

    /// <summary>SignalR group of the followers of one view of a topic.</summary>
    public static string Group(Topic topic, LiveView view) => $"{topic}|{view}";

    /// <summary>
    /// Saves of this instance changed these topics (committed). Marks them for the next send, and tells this instance's
    /// caches (<see cref="OnLocalChange"/>): a cache of definitions must not outlive the change that made it stale.
    /// </summary>
    public void Changed(IEnumerable<(Topic Topic, int TableId)> topics)
    {
        var list = new List<Topic>();
        foreach (var (topic, tableId) in topics)
        {
            _pending[topic] = tableId;
            list.Add(topic);
        }
        foreach (var listener in _localListeners)
        {
            listener(list);
        }
    }

    /// <summary>Registers an in-instance cache to forget what a committed change made stale (never a screen: screens follow topics).</summary>
    public void OnLocalChange(Action<IReadOnlyCollection<Topic>> forget) => _localListeners.Add(forget);

    /// <summary>The message last sent for a view of a topic, if it is at <paramref name="version"/> (so still current).</summary>
    public LiveMessage? Recent(Topic topic, LiveView view, long version) =>
        _sent.TryGetValue((topic, view), out var message) && message.Version == version ? message : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.UpdateIntervalMs), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FlushAsync(stoppingToken);
        }
    }

    /// <summary>Sends every topic changed since the last send (the timer calls it; tests may too).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        foreach (var topic in _pending.Keys)
        {
            if (!_pending.TryRemove(topic, out var tableId))
            {
                continue;
            }
            try
            {
                await SendAsync(topic, tableId, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSendFailed(logger, e, topic.ToString());
            }
        }
    }

    private async Task SendAsync(Topic topic, int tableId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var source = Source(scope.ServiceProvider, topic.Kind);
        if (source is null)
        {
            return;
        }
        // The change was made and authorized in this table; its state is read in the same table.
        scope.ServiceProvider.GetRequiredService<TableScope>().Enter(tableId);
        var state = await source.ReadAsync(topic.Id, ct);
        if (state is null)
        {
            return;
        }
        foreach (var view in Enum.GetValues<LiveView>())
        {
            var message = new LiveMessage(topic.ToString(), view, state.Version, state.For(view));
            _sent[(topic, view)] = message;
            await hub.Clients.Group(Group(topic, view)).SendAsync(LiveHub.ChangedMethod, message, ct);
        }
        await source.DeliverAsync(topic, state, ct);
    }

    /// <summary>The source registered for a kind of topic, if any.</summary>
    public static ILiveTopicSource? Source(IServiceProvider services, string kind) =>
        services.GetServices<ILiveTopicSource>().FirstOrDefault(s => s.Kind == kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the live update of {Topic} failed.")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string topic);
}

/// <summary>Settings of live updates (section <c>Live</c>), checked at start.</summary>
public sealed class LiveOptions
{
    /// <summary>
    /// Time between two updates of one topic: 200 ms, 5 a second — about the 4 a forum asks for, and short enough that
    /// 2,000 phones see a vote in the results within 250 ms (docs/PERFORMANCE.md).
    /// </summary>
    public const int DefaultIntervalMs = 200;

    [System.ComponentModel.DataAnnotations.Range(50, 5000)]
    public int UpdateIntervalMs { get; set; } = DefaultIntervalMs;
}
