using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Tables.Web.Data;
using Tables.Web.Features.Tables;

namespace Tables.Web.Components.Shared;

/// <summary>
/// Base of the pages of one table (<c>/t/{Slug}/…</c>). Owns a service scope (its own DbContext, as long-lived
/// Blazor circuits need), resolves the person's <see cref="TableAccess"/> and shows "not found" when they may not
/// read the table. <see cref="RequiresCoordination"/> pages show "access denied" to others.
/// </summary>
public abstract class TablePage : OwningComponentBase
{
    [Parameter]
    public string Slug { get; set; } = "";

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected ClaimsPrincipal User { get; private set; } = new();
    protected TableAccess? Access { get; private set; }
    protected bool Loaded { get; private set; }
    protected virtual bool RequiresCoordination => false;
    protected bool Denied => Access is not null && RequiresCoordination && !Access.CanCoordinate;
    protected TablesDbContext Db => ScopedServices.GetRequiredService<TablesDbContext>();
    protected T Service<T>() where T : notnull => ScopedServices.GetRequiredService<T>();

    protected override async Task OnParametersSetAsync()
    {
        User = (await AuthenticationState).User;
        await ReloadAsync();
    }

    /// <summary>Forgets what this page's context tracks and reads the table again (after a conflict, say).</summary>
    protected async Task ReloadAsync()
    {
        Db.ChangeTracker.Clear();
        Access = await Service<TableService>().GetAccessAsync(User, Slug);
        if (Access is not null && !Denied)
        {
            await OnTableLoadedAsync(Access);
        }
        Loaded = true;
    }

    protected virtual Task OnTableLoadedAsync(TableAccess access) => Task.CompletedTask;
}
