using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Tables.Web.Data;
using Tables.Web.Features.Tables;

namespace Tables.Web.Components.Shared;

/// <summary>
/// Base of the pages that belong to one table (<see cref="TablePage"/>, and the forum screens). Owns a service scope
/// (its own DbContext, as long-lived Blazor circuits need), knows who is signed in, and reads the page again on
/// <see cref="ReloadAsync"/>; a derived page says how it finds its table and the person's <see cref="Access"/>.
/// </summary>
public abstract class AccessPage : OwningComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected ClaimsPrincipal User { get; private set; } = new();
    protected TableAccess? Access { get; set; }
    protected bool Loaded { get; private set; }
    protected TablesDbContext Db => ScopedServices.GetRequiredService<TablesDbContext>();
    protected T Service<T>() where T : notnull => ScopedServices.GetRequiredService<T>();

    protected override async Task OnParametersSetAsync()
    {
        User = (await AuthenticationState).User;
        await ReloadAsync();
    }

    /// <summary>Forgets what this page's context tracks and reads the page again (after a conflict, say).</summary>
    protected async Task ReloadAsync()
    {
        Db.ChangeTracker.Clear();
        await LoadAsync();
        Loaded = true;
    }

    /// <summary>Finds the table and sets <see cref="Access"/> (null when the person may not read it), then what the page shows.</summary>
    protected abstract Task LoadAsync();
}
