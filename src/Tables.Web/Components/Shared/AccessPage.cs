using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Tables.Web.Data;
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
        ScopedServices.GetRequiredService<TablesDbContext>().ChangeTracker.Clear();
        await LoadAsync();
        Loaded = true;
    }

    /// <summary>Finds the table and sets <see cref="Access"/> (null when the person may not read it), then what the page shows.</summary>
    protected abstract Task LoadAsync();
}
