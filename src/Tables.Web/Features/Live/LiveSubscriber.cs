using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace Tables.Web.Features.Live;

/// <summary>
/// How the Blazor screens of this instance follow topics: <b>one</b> SignalR client connection from the instance to its
/// own <see cref="LiveHub"/>, in the groups of the topics its circuits watch, dispatching each message to them. So a
/// screen gets exactly what a phone or another instance's screen gets — through SignalR and its backplane — never an
/// in-process event that a second instance would not see. After a reconnection it subscribes again and hands every
/// follower the snapshot the hub answers with (the catch-up).
/// </summary>
public sealed partial class LiveSubscriber(LiveLoopback loopback, LiveInstance instance, ILogger<LiveSubscriber> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Topic, LiveView View), Followers> _followers = new();
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private HubConnection? _connection;

    /// <summary>
    /// Calls <paramref name="onMessage"/> with every message of a view of a topic until the result is disposed. The
    /// first follower of a topic makes the instance subscribe; the last one leaving unsubscribes it.
    /// </summary>
    public async Task<IAsyncDisposable> FollowAsync(Topic topic, LiveView view, Func<LiveMessage, Task> onMessage, CancellationToken ct = default)
    {
        var key = (topic.ToString(), view);
        var follower = new Follower(onMessage);
        var followers = _followers.GetOrAdd(key, _ => new Followers());
        if (followers.Add(follower))
        {
            try
            {
                var connection = await ConnectAsync(ct);
                await connection.InvokeAsync<LiveMessage>(nameof(LiveHub.Subscribe), key.Item1, view, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The screen still works from its snapshot; the reconnection subscribes again.
                LogSubscribeFailed(logger, e, key.Item1);
            }
        }
        return new Unfollow(this, key, follower);
    }

    private async Task<HubConnection> ConnectAsync(CancellationToken ct)
    {
        if (_connection is { State: not HubConnectionState.Disconnected } ready)
        {
            return ready;
        }
        await _connecting.WaitAsync(ct);
        try
        {
            if (_connection is null)
            {
                _connection = new HubConnectionBuilder()
                    .WithUrl(loopback.HubUrl, o =>
                    {
                        o.Headers[LiveInstance.Header] = instance.Key;
                        o.SkipNegotiation = true;
                        o.Transports = HttpTransportType.WebSockets;
                        loopback.Configure(o);
                    })
                    // The instance never gives up on its own hub.
                    .WithAutomaticReconnect(new Forever())
                    .Build();
                _connection.On<LiveMessage>(LiveHub.ChangedMethod, DispatchAsync);
                _connection.Reconnected += _ => ResubscribeAsync();
            }
            if (_connection.State == HubConnectionState.Disconnected)
            {
                await _connection.StartAsync(ct);
                if (!_followers.IsEmpty)
                {
                    await ResubscribeAsync();
                }
            }
            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>After a reconnection: the groups were lost with the old connection; join them again and catch up.</summary>
    private async Task ResubscribeAsync()
    {
        foreach (var ((topic, view), followers) in _followers)
        {
            if (followers.IsEmpty)
            {
                continue;
            }
            try
            {
                await DispatchAsync(await _connection!.InvokeAsync<LiveMessage>(nameof(LiveHub.Subscribe), topic, view));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSubscribeFailed(logger, e, topic);
            }
        }
    }

    private async Task DispatchAsync(LiveMessage message)
    {
        if (_followers.TryGetValue((message.Topic, message.View), out var followers))
        {
            foreach (var follower in followers.Snapshot())
            {
                await follower.OnMessage(message);
            }
        }
    }

    private async Task LeaveAsync((string Topic, LiveView View) key, Follower follower)
    {
        if (_followers.TryGetValue(key, out var followers) && followers.Remove(follower) && _connection is { State: HubConnectionState.Connected } connection)
        {
            try
            {
                await connection.InvokeAsync(nameof(LiveHub.Unsubscribe), key.Topic, key.View);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSubscribeFailed(logger, e, key.Topic);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _connecting.Dispose();
    }

    /// <summary>Turns a message's payload (JSON on the wire) into the type a screen shows.</summary>
    public static T? Read<T>(LiveMessage message) => message.Data switch
    {
        T typed => typed,
        JsonElement json => json.Deserialize<T>(TablesJson.Options),
        _ => default,
    };

    private sealed record Follower(Func<LiveMessage, Task> OnMessage);

    /// <summary>The followers of one view of one topic.</summary>
    private sealed class Followers
    {
        private readonly List<Follower> _list = [];

        public bool IsEmpty
        {
            get
            {
                lock (_list)
                {
                    return _list.Count == 0;
                }
            }
        }

        /// <summary>Adds one; true when it is the first (the instance must subscribe).</summary>
        public bool Add(Follower follower)
        {
            lock (_list)
            {
                _list.Add(follower);
                return _list.Count == 1;
            }
        }

        /// <summary>Removes one; true when none is left (the instance may unsubscribe).</summary>
        public bool Remove(Follower follower)
        {
            lock (_list)
            {
                return _list.Remove(follower) && _list.Count == 0;
            }
        }

        public Follower[] Snapshot()
        {
            lock (_list)
            {
                return [.. _list];
            }
        }
    }

    private sealed class Unfollow(LiveSubscriber subscriber, (string, LiveView) key, Follower follower) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(subscriber.LeaveAsync(key, follower));
    }

    private sealed class Forever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => TimeSpan.FromMilliseconds(Math.Min(5000, 250 * (retryContext.PreviousRetryCount + 1)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "This instance could not follow {Topic} on its own live hub.")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, string topic);
}
