using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Tables.Web.Components.Shared;
using Tables.Web.Features.ActionPlan;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Components.Pages.ActionPlan;

/// <summary>
/// Base of the plan's pages: the table's page scope, the person's <see cref="PlanRights"/>, the cycle shown (<c>?cycle=</c>,
/// else the most recent), one way to run a write and show what went wrong, and the plan's formats (money, dates, %).
/// </summary>
public abstract class PlanPage : TablePage
{
    [SupplyParameterFromQuery(Name = "cycle")]
    public int? CycleParameter { get; set; }

    [Inject] protected IStringLocalizer<UiText> Text { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;

    protected PlanRights? Rights { get; private set; }
    protected int? CycleId { get; private set; }
    /// <summary>Set once the circuit is interactive: browser tests wait for it before clicking.</summary>
    protected bool Interactive { get; private set; }

    protected sealed override async Task OnTableLoadedAsync(TableAccess access)
    {
        var plans = Service<PlanService>();
        Rights = await plans.RightsAsync(access, User);
        CycleId = CycleParameter ?? await CycleOfPageAsync() ?? await plans.CurrentCycleAsync(access);
        await OnPlanLoadedAsync(Rights);
    }

    /// <summary>The cycle the page's own row belongs to (an action's), when it has one.</summary>
    protected virtual Task<int?> CycleOfPageAsync() => Task.FromResult<int?>(null);

    protected abstract Task OnPlanLoadedAsync(PlanRights rights);

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            Interactive = true;
            StateHasChanged();
        }
    }

    /// <summary>Runs a write; shows success, the validation messages, "someone else changed this" (then reloads) or "not allowed".</summary>
    protected async Task<bool> RunAsync(Func<Task> write, string? done = null)
    {
        try
        {
            await write();
            Snackbar.Add(done ?? Text["Common.Saved"], MudBlazor.Severity.Success);
            await ReloadAsync();
            return true;
        }
        catch (ValidationException e)
        {
            Snackbar.Add(string.Join(" ", e.Errors.Select(f => f.ErrorMessage)), MudBlazor.Severity.Error);
        }
        catch (DbUpdateConcurrencyException)
        {
            Snackbar.Add(Text["Error.Concurrency"], MudBlazor.Severity.Warning);
            await ReloadAsync();
        }
        catch (ForbiddenException)
        {
            Snackbar.Add(Text["Error.Forbidden"], MudBlazor.Severity.Error);
        }
        finally
        {
            StateHasChanged();
        }
        return false;
    }

    protected string PlanLink(string path = "") => $"/t/{Slug}/plan{path}{(CycleParameter is { } c ? $"?cycle={c}" : "")}";

    public static string Money(decimal amount) => amount.ToString("C0", CultureInfo.CurrentCulture);

    public static string Day(DateOnly? d) => d?.ToString("d MMM yyyy", CultureInfo.CurrentCulture) ?? "—";

    public static string Percent(double? p) => p is { } v ? string.Format(CultureInfo.CurrentCulture, "{0:0}\u00A0%", v) : "—";
}
