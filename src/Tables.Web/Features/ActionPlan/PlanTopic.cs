using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Features.Live;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.ActionPlan;

/// <summary>A cycle's plan changed: its topic's version (the dashboard, the editor and the public page read the plan again).</summary>
public sealed record PlanPulse(int CycleId, long Version);

/// <summary>
/// The <c>plan:{cycleId}</c> topic: every save of an objective, an action (partner reports touch their action too), a
/// journal entry or the plan's settings bumps it (they are <see cref="ILiveRow"/>s). Its message is a pulse, not the
/// plan: the screens that follow it are few, and each reads the plan as its person may see it (filters, budgets).
/// </summary>
public sealed class PlanTopic(TablesDbContext db) : ILiveTopicSource
{
    public const string KindName = "plan";

    public static Topic Of(int cycleId) => new(KindName, cycleId);

    public string Kind => KindName;

    // Which table a cycle belongs to is what the follower is about to enter: read across tables.
    public Task<int?> TableOfAsync(int id, CancellationToken ct) =>
        db.Cycles.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.TableId).FirstOrDefaultAsync(ct);

    public string PolicyFor(LiveView view) => view == LiveView.Public ? TablePolicies.Read : TablePolicies.Member;

    public async Task<LiveState?> ReadAsync(int id, CancellationToken ct)
    {
        var version = await db.ReadAsync(Of(id), ct);
        var pulse = new PlanPulse(id, version);
        return new LiveState(version, pulse, pulse);
    }
}
