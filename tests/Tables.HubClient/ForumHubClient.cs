using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Live;

namespace Tables.Testing;

/// <summary>
/// The forum hub (<see cref="ForumHub"/>, <c>/hubs/forum</c>) as a typed client over a <see cref="HubConnection"/>: the one
/// place outside the server that names its methods and messages (with <c>nameof</c>, so a renamed method breaks the
/// build, not a test at run time). The tests, the crash test and the load test call the hub only through it.
/// </summary>
public static class ForumHubClient
{
    /// <summary>A forum hub connection over WebSockets to a real server, as a phone (no cookie) or as signed-in staff.</summary>
    /// <param name="reconnect">Staff screens reconnect by themselves (the console's circuit does): so does this client.</param>
    public static HubConnection Connect(Uri server, string? cookie = null, string hub = "/hubs/forum", bool reconnect = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server, hub), o =>
            {
                if (cookie is not null)
                {
                    o.Headers["Cookie"] = cookie;
                }
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            });
        if (reconnect)
        {
            builder.WithAutomaticReconnect(new Forever());
        }
        var connection = builder.Build();
        // As the phone page: a server busy with thousands of phones may ping late (ForumHubTimeouts); staff wait longer still.
        connection.ServerTimeout = reconnect ? TimeSpan.FromMinutes(2) : ForumHubTimeouts.Silence;
        connection.KeepAliveInterval = ForumHubTimeouts.KeepAlive;
        return connection;
    }

    public static Task<JoinResult> JoinAsync(this HubConnection hub, JoinRequest request, CancellationToken ct = default) =>
        hub.InvokeAsync<JoinResult>(nameof(ForumHub.Join), request, ct);

    public static Task<ForumSnapshot> WatchAsync(this HubConnection hub, int forumId, CancellationToken ct = default) =>
        hub.InvokeAsync<ForumSnapshot>(nameof(ForumHub.Watch), forumId, ct);

    public static Task<ForumSnapshot> GetSnapshotAsync(this HubConnection hub, CancellationToken ct = default) =>
        hub.InvokeAsync<ForumSnapshot>(nameof(ForumHub.GetSnapshot), ct);

    public static Task<IdeaView> SubmitIdeaAsync(this HubConnection hub, IdeaRequest request, CancellationToken ct = default) =>
        hub.InvokeAsync<IdeaView>(nameof(ForumHub.SubmitIdea), request, ct);

    public static Task<CastAck> CastAsync(this HubConnection hub, CastRequest request, CancellationToken ct = default) =>
        hub.InvokeAsync<CastAck>(nameof(ForumHub.Cast), request, ct);

    public static Task SetActivityAsync(this HubConnection hub, int forumId, int activityId, CancellationToken ct = default) =>
        hub.InvokeAsync(nameof(ForumHub.SetActivity), forumId, activityId, ct);

    public static Task OpenBallotAsync(this HubConnection hub, int ballotId, CancellationToken ct = default) =>
        hub.InvokeAsync(nameof(ForumHub.OpenBallot), ballotId, ct);

    public static Task<BallotResult> CloseBallotAsync(this HubConnection hub, int ballotId, CancellationToken ct = default) =>
        hub.InvokeAsync<BallotResult>(nameof(ForumHub.CloseBallot), ballotId, ct);

    public static Task RevealBallotAsync(this HubConnection hub, int ballotId, CancellationToken ct = default) =>
        hub.InvokeAsync(nameof(ForumHub.RevealBallot), ballotId, ct);

    public static Task<VoteOutcome> EnterPaperBallotAsync(this HubConnection hub, int ballotId, VoteContent content, string? group, string clientMessageId, CancellationToken ct = default) =>
        hub.InvokeAsync<VoteOutcome>(nameof(ForumHub.EnterPaperBallot), ballotId, content, group, clientMessageId, ct);

    public static Task HideIdeaAsync(this HubConnection hub, int ideaId, bool hidden, CancellationToken ct = default) =>
        hub.InvokeAsync(nameof(ForumHub.HideIdea), ideaId, hidden, ct);

    public static Task EditIdeaAsync(this HubConnection hub, int ideaId, IdeaEdit edit, CancellationToken ct = default) =>
        hub.InvokeAsync(nameof(ForumHub.EditIdea), ideaId, edit, ct);

    public static Task MergeIdeasAsync(this HubConnection hub, int duplicateId, int intoId, CancellationToken ct = default) =>
        hub.InvokeAsync(nameof(ForumHub.MergeIdeas), duplicateId, intoId, ct);

    /// <summary>Follows a view of a topic on the live hub (<c>/hubs/live</c>); answers with its state now.</summary>
    public static Task<LiveMessage> SubscribeAsync(this HubConnection live, Topic topic, LiveView view, CancellationToken ct = default) =>
        live.InvokeAsync<LiveMessage>(nameof(LiveHub.Subscribe), topic.ToString(), view, ct);

    public static IDisposable OnForumChanged(this HubConnection hub, Action<ForumState> handler) =>
        hub.On(nameof(IForumClient.ForumChanged), handler);

    /// <summary>The forum changed; the handler does not read the message (its shape changed with #13: the load test's old-phone model).</summary>
    public static IDisposable OnForumChanged(this HubConnection hub, Action handler) =>
        hub.On<System.Text.Json.JsonElement>(nameof(IForumClient.ForumChanged), _ => handler());

    public static IDisposable OnResultsChanged(this HubConnection hub, Action<BallotResults> handler) =>
        hub.On(nameof(IForumClient.ResultsChanged), handler);

    /// <summary>
    /// Calls a method named by data (access-matrix.txt: the matrix and the fuzzing walk every method of both hubs),
    /// after checking the name is one of the hub's methods.
    /// </summary>
    public static Task<object?> InvokeByNameAsync(this HubConnection hub, string method, Type returnType, object?[] args, CancellationToken ct = default) =>
        Methods.Contains(method)
            ? hub.InvokeCoreAsync(method, returnType, args, ct)
            : throw new ArgumentException($"{method} is not a method of the forum or live hub", nameof(method));

    /// <summary>Waits until a reconnecting connection is connected again (as the console does before a facilitator's action).</summary>
    public static async Task EnsureConnectedAsync(this HubConnection hub, CancellationToken ct = default)
    {
        while (hub.State != HubConnectionState.Connected)
        {
            var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task Reconnected(string? _) => Task.FromResult(changed.TrySetResult());
            Task Closed(Exception? _) => Task.FromResult(changed.TrySetResult());
            hub.Reconnected += Reconnected;
            hub.Closed += Closed;
            try
            {
                if (hub.State == HubConnectionState.Disconnected)
                {
                    await hub.StartAsync(ct);
                }
                else if (hub.State != HubConnectionState.Connected)
                {
                    await changed.Task.WaitAsync(ct);
                }
            }
            finally
            {
                hub.Reconnected -= Reconnected;
                hub.Closed -= Closed;
            }
        }
    }

    private static readonly HashSet<string> Methods = [.. new[] { typeof(ForumHub), typeof(LiveHub) }
        .SelectMany(h => h.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly))
        .Select(m => m.Name)];

    private sealed class Forever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => TimeSpan.FromMilliseconds(Math.Min(5000, 250 * (retryContext.PreviousRetryCount + 1)));
    }
}
