using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Tables.Web.Data;
using Tables.Web.Features.Live;
using Tables.Web.Features.Tables;

namespace Tables.Web.Components.Shared;

/// <summary>
/// Base of the pages that belong to one table (<see cref="TablePage"/>, and the forum screens). Owns a service scope
/// (its own DbContext, as long-lived Blazor circuits need, and its own <see cref="TableScope"/>: the page enters its
/// table explicitly), knows who is signed in, checks its <see cref="Policy"/>, and reads the page again on
/// <see cref="ReloadAsync"/>; a derived page says how it finds its table and the person's <see cref="Access"/>.
/// Pages call slice services (<see cref="Service{T}"/>), never the DbContext.
/// </summary>
public abstract class AccessPage : OwningComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected ClaimsPrincipal User { get; private set; } = new();
    protected TableAccess? Access { get; set; }
    protected bool Loaded { get; private set; }
    protected T Service<T>() where T : notnull => ScopedServices.GetRequiredService<T>();

    /// <summary>The policy (<see cref="TablePolicies"/>) a person needs for this page; others see "access denied".</summary>
    protected virtual string Policy => TablePolicies.Read;

    /// <summary>The person may read the table but <see cref="Policy"/> refuses them.</summary>
    protected bool Denied { get; private set; }

    /// <summary>Whether the person's <see cref="Access"/> satisfies <paramref name="policy"/> (the same policies as the API and the hubs).</summary>
    protected async Task<bool> AllowedAsync(string policy) =>
        Access is not null && (await ScopedServices.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationService>().AuthorizeAsync(User, Access, policy)).Succeeded;

    /// <summary>Checks <see cref="Policy"/> once <see cref="Access"/> is known; false when the page must not load its content.</summary>
    protected async Task<bool> AuthorizeAsync()
    {
        Denied = Access is not null && !await AllowedAsync(Policy);
        return Access is not null && !Denied;
    }

    protected override async Task OnParametersSetAsync()
    {
        User = (await AuthenticationState).User;
        await ReloadAsync();
    }

    /// <summary>Forgets what this page's context tracks and reads the page again (after a conflict, say).</summary>
    protected async Task ReloadAsync()
    {
        Service<TableService>().ForgetTracked();
        await LoadAsync();
        Loaded = true;
    }

    /// <summary>
    /// Follows a view of a topic while the page is open, the way every screen and phone does (docs/ARCHITECTURE-NOTES.md,
    /// "Live updates"): <paramref name="apply"/> gets the topic's state now, then each newer state sent through SignalR
    /// (this instance's <see cref="LiveSubscriber"/>), on the page's renderer and in the page's culture — an update
    /// arriving from a background thread must not render an English console in French. Following a topic again only
    /// reads its state again. The page must have entered its table (the state is read in the page's scope).
    /// </summary>
    protected async Task FollowAsync<T>(Topic topic, LiveView view, Func<T, Task> apply) where T : class
    {
        var key = (topic, view);
        if (!_follows.TryGetValue(key, out var follow))
        {
            follow = new Follow();
            _follows[key] = follow;
            // Prerendering draws the page once and throws it away: it reads the state, it does not follow.
            if (RendererInfo.IsInteractive)
            {
                var culture = CultureInfo.CurrentCulture;
                var uiCulture = CultureInfo.CurrentUICulture;
                follow.Subscription = await Service<LiveSubscriber>().FollowAsync(topic, view, message => InvokeAsync(async () =>
                {
                    if (follow.Newer(message.Version) && LiveSubscriber.Read<T>(message) is { } data)
                    {
                        CultureInfo.CurrentCulture = culture;
                        CultureInfo.CurrentUICulture = uiCulture;
                        await apply(data);
                        StateHasChanged();
                    }
                }));
            }
        }
        // The state now, read after the instance joined the topic's group: a change made in between is here or in a message.
        if (LiveUpdates.Source(ScopedServices, topic.Kind) is { } source && await source.ReadAsync(topic.Id, default) is { } state
            && follow.Newer(state.Version) && state.For(view) is T data)
        {
            await apply(data);
        }
    }

    /// <inheritdoc cref="FollowAsync{T}(Topic, LiveView, Func{T, Task})"/>
    protected Task FollowAsync<T>(Topic topic, LiveView view, Action<T> apply) where T : class =>
        FollowAsync<T>(topic, view, data =>
        {
            apply(data);
            return Task.CompletedTask;
        });

    private readonly Dictionary<(Topic, LiveView), Follow> _follows = [];

    /// <summary>One followed view: its subscription and the newest version applied (older messages are dropped).</summary>
    private sealed class Follow
    {
        private long _version = -1;

        public IAsyncDisposable? Subscription { get; set; }

        public bool Newer(long version)
        {
            lock (this)
            {
                if (version <= _version)
                {
                    return false;
                }
                _version = version;
                return true;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var follow in _follows.Values)
            {
                _ = follow.Subscription?.DisposeAsync().AsTask();
            }
            _follows.Clear();
        }
        base.Dispose(disposing);
    }

    /// <summary>Finds the table and sets <see cref="Access"/> (null when the person may not read it), then what the page shows.</summary>
    protected abstract Task LoadAsync();
}
