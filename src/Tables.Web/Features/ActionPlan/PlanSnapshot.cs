using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Members;

namespace Tables.Web.Features.ActionPlan;

/// <summary>
/// A cycle's whole plan read at once, without tracking (a handful of flat queries, no joins multiplied): the tree, the
/// dashboard, the timeline, the public page and the exports are all computed from it in memory.
/// </summary>
public sealed class PlanSnapshot
{
    public required Cycle Cycle { get; init; }
    public required PlanSettings Settings { get; init; }
    public required IReadOnlyList<Priority> Priorities { get; init; }
    public required IReadOnlyList<Objective> Objectives { get; init; }
    /// <summary>Every action with its partners, funding, milestones and indicators (values included).</summary>
    public required IReadOnlyList<ActionItem> Actions { get; init; }
    public required IReadOnlyDictionary<int, Organisation> Organisations { get; init; }

    public IEnumerable<Objective> ObjectivesOf(Priority p) => Objectives.Where(o => o.PriorityId == p.Id).OrderBy(o => o.Order).ThenBy(o => o.Id);

    public IEnumerable<ActionItem> ActionsOf(Objective o) => Actions.Where(a => a.ObjectiveId == o.Id).OrderBy(a => a.Order).ThenBy(a => a.Id);

    public string? OrganisationName(int? id) => id is { } i && Organisations.TryGetValue(i, out var o) ? o.Name : null;

    public IReadOnlyList<string> PartnerNames(ActionItem a) =>
        a.Partners.Select(p => OrganisationName(p.OrganisationId)).OfType<string>().Order(StringComparer.CurrentCulture).ToList();

    /// <summary>Rolled-up progress of each objective and priority (0–100, null when nothing counts).</summary>
    public (IReadOnlyDictionary<int, double?> Objectives, IReadOnlyDictionary<int, double?> Priorities) Rollup()
    {
        var objectives = Objectives.ToDictionary(o => o.Id, o => ProgressRollup.Objective(Actions.Where(a => a.ObjectiveId == o.Id)));
        var priorities = Priorities.ToDictionary(p => p.Id,
            p => ProgressRollup.Priority(Objectives.Where(o => o.PriorityId == p.Id).Select(o => (o, objectives[o.Id]))));
        return (objectives, priorities);
    }

    public static async Task<PlanSnapshot?> LoadAsync(TablesDbContext db, int tableId, int cycleId, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId && c.TableId == tableId, ct);
        if (cycle is null)
        {
            return null;
        }
        var settings = await db.PlanSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CycleId == cycleId, ct)
            ?? new PlanSettings { TableId = tableId, CycleId = cycleId };
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.CycleId == cycleId).OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync(ct);
        var objectives = await db.Objectives.AsNoTracking().Where(o => o.CycleId == cycleId).ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking().Where(a => a.CycleId == cycleId).ToListAsync(ct);
        var ids = actions.Select(a => a.Id).ToHashSet();
        // Children by the action's cycle, each in one query (SQLite has no trouble with these; no cartesian product).
        var partners = await db.ActionPartners.AsNoTracking().Where(p => db.Actions.Any(a => a.Id == p.ActionId && a.CycleId == cycleId)).ToListAsync(ct);
        var funding = await db.FundingLines.AsNoTracking().Where(f => db.Actions.Any(a => a.Id == f.ActionId && a.CycleId == cycleId)).OrderBy(f => f.Id).ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking().Where(m => db.Actions.Any(a => a.Id == m.ActionId && a.CycleId == cycleId)).OrderBy(m => m.Due).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => db.Actions.Any(a => a.Id == i.ActionId && a.CycleId == cycleId)).OrderBy(i => i.Id).ToListAsync(ct);
        var values = await db.IndicatorValues.AsNoTracking().Where(v => db.Actions.Any(a => a.Id == v.ActionId && a.CycleId == cycleId)).OrderBy(v => v.On).ToListAsync(ct);
        foreach (var indicator in indicators)
        {
            indicator.Values = values.Where(v => v.IndicatorId == indicator.Id).ToList();
        }
        var byAction = actions.ToDictionary(a => a.Id);
        foreach (var p in partners.Where(p => ids.Contains(p.ActionId)))
        {
            byAction[p.ActionId].Partners.Add(p);
        }
        foreach (var f in funding)
        {
            byAction[f.ActionId].Funding.Add(f);
        }
        foreach (var m in milestones)
        {
            byAction[m.ActionId].Milestones.Add(m);
        }
        foreach (var i in indicators)
        {
            byAction[i.ActionId].Indicators.Add(i);
        }
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.TableId == tableId).ToDictionaryAsync(o => o.Id, ct);
        return new PlanSnapshot
        {
            Cycle = cycle, Settings = settings, Priorities = priorities, Objectives = objectives, Actions = actions, Organisations = organisations,
        };
    }
}
