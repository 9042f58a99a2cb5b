using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Live;

/// <summary>
/// Follow topics at <c>/hubs/live</c>: <see cref="Subscribe"/> answers with the topic's state now (the snapshot to start
/// from, or to catch up after a reconnection) and adds the connection to the topic's group; from then on every change
/// arrives as <c>Changed(LiveMessage)</c>. Each view is allowed by the same named policies as the API (the staff view
/// of a forum needs <see cref="TablePolicies.Facilitate"/>); the instance's own <see cref="LiveSubscriber"/>, which
/// serves the Blazor screens that already checked their viewer, may follow anything.
/// </summary>
public sealed class LiveHub(IServiceProvider services, TableScope scope, TableService tables, IAuthorizationService authorization, LiveInstance instance,
    IStringLocalizer<UiText> text) : Hub
{
    public const string ChangedMethod = "Changed";

    /// <summary>Follows a view of a topic (<c>forum:12</c>, <c>ballot:34</c>…); answers with its state now.</summary>
    public async Task<LiveMessage> Subscribe(string topic, LiveView view)
    {
        if (!Topic.TryParse(topic, out var parsed) || !Enum.IsDefined(view) || LiveUpdates.Source(services, parsed.Kind) is not { } source
            || await source.TableOfAsync(parsed.Id, Context.ConnectionAborted) is not { } tableId)
        {
            throw new HubException(text["Live.UnknownTopic"]);
        }
        if (instance.Is(Context))
        {
            scope.Enter(tableId);
        }
        else if (await tables.EnterAsync(Context.User!, tableId, Context.ConnectionAborted) is not { } access
            || !(await authorization.AuthorizeAsync(Context.User!, access, source.PolicyFor(view))).Succeeded)
        {
            throw new HubException(text["Live.NotAllowed"]);
        }
        // Join first, read second: a change committed in between is in the snapshot or in a message after it.
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveUpdates.Group(parsed, view), Context.ConnectionAborted);
        var state = await source.ReadAsync(parsed.Id, Context.ConnectionAborted) ?? throw new HubException(text["Live.UnknownTopic"]);
        return new LiveMessage(parsed.ToString(), view, state.Version, state.For(view));
    }

    /// <summary>Stops following a view of a topic.</summary>
    public Task Unsubscribe(string topic, LiveView view) =>
        Topic.TryParse(topic, out var parsed) && Enum.IsDefined(view)
            ? Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveUpdates.Group(parsed, view), Context.ConnectionAborted)
            : throw new HubException(text["Live.UnknownTopic"]);
}

/// <summary>
/// This process's own key: the <see cref="LiveSubscriber"/> sends it in a header when it connects to its own hub, which
/// lets it follow any topic. New at every start, never written anywhere.
/// </summary>
public sealed class LiveInstance
{
    public const string Header = "X-Tables-Live";

    public string Key { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public bool Is(HubCallerContext context) =>
        context.GetHttpContext()?.Request.Headers[Header].ToString() is { Length: > 0 } sent
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sent), Encoding.ASCII.GetBytes(Key));
}
