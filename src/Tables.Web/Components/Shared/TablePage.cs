using Microsoft.AspNetCore.Components;
using Tables.Web.Features.Tables;

namespace Tables.Web.Components.Shared;

/// <summary>
/// Base of the pages of one table (<c>/t/{Slug}/…</c>): resolves the person's <see cref="TableAccess"/> from the slug
/// and shows "not found" when they may not read the table. <see cref="RequiresCoordination"/> pages show "access denied" to others.
/// </summary>
public abstract class TablePage : AccessPage
{
    [Parameter]
    public string Slug { get; set; } = "";

    protected virtual bool RequiresCoordination => false;
    protected bool Denied => Access is not null && RequiresCoordination && !Access.CanCoordinate;

    protected override async Task LoadAsync()
    {
        Access = await Service<TableService>().GetAccessAsync(User, Slug);
        if (Access is not null && !Denied)
        {
            await OnTableLoadedAsync(Access);
        }
    }

    protected virtual Task OnTableLoadedAsync(TableAccess access) => Task.CompletedTask;
}
