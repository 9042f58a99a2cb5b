using Microsoft.AspNetCore.Components;
using Tables.Web.Features.Tables;

namespace Tables.Web.Components.Shared;

/// <summary>
/// Base of the pages of one table (<c>/t/{Slug}/…</c>): enters the table's scope for the page, resolves the person's
/// <see cref="TableAccess"/> and shows "not found" when they may not read the table, "access denied" when the page's
/// <see cref="AccessPage.Policy"/> refuses them.
/// </summary>
public abstract class TablePage : AccessPage
{
    [Parameter]
    public string Slug { get; set; } = "";

    protected override async Task LoadAsync()
    {
        Access = await Service<TableService>().EnterAsync(User, Slug);
        if (await AuthorizeAsync())
        {
            await OnTableLoadedAsync(Access!);
        }
    }

    protected virtual Task OnTableLoadedAsync(TableAccess access) => Task.CompletedTask;
}
