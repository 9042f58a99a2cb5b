using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.ActionPlan;

/// <summary>
/// Reading the plan: the tree with rolled-up progress, an action with its parts and journal. Callers pass a
/// <see cref="TableAccess"/> that may read the table; what a person may see and do beyond that is decided here.
/// </summary>
public sealed class PlanService(TablesDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The person's rights on the plan: their role, and for a partner their organisation.</summary>
    public async Task<PlanRights> RightsAsync(TableAccess access, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.UserId();
        var organisation = userId is null ? null
            : await db.Memberships.AsNoTracking().Where(m => m.UserId == userId && m.TableId == access.Table.Id).Select(m => m.OrganisationId).FirstOrDefaultAsync(ct);
        return new PlanRights(access, organisation);
    }

    /// <summary>Members see every plan; others a published one (and only of a table they may read).</summary>
    public static bool CanSee(PlanRights rights, PlanSettings settings) => rights.Access.CanObserve || settings.Published;

    /// <summary>Budgets: members always; the public when the table chose to show them.</summary>
    public static bool SeesBudgets(PlanRights rights, PlanSettings settings) => rights.Access.CanObserve || settings.ShowBudgets;

    /// <summary>
    /// The cycle whose plan a table shows by default: the most recent that has priorities (else the most recent); for
    /// people outside the table, only among published plans.
    /// </summary>
    public async Task<int?> CurrentCycleAsync(TableAccess access, CancellationToken ct = default)
    {
        var cycles = await db.Cycles.AsNoTracking().Where(c => c.TableId == access.Table.Id).OrderByDescending(c => c.Start)
            .Select(c => new
            {
                c.Id,
                Published = db.PlanSettings.Any(s => s.CycleId == c.Id && s.Published),
                HasPlan = db.Priorities.Any(p => p.CycleId == c.Id),
            }).ToListAsync(ct);
        var visible = access.CanObserve ? cycles : cycles.Where(c => c.Published).ToList();
        return (visible.FirstOrDefault(c => c.HasPlan) ?? visible.FirstOrDefault())?.Id;
    }

    public Task<PlanSnapshot?> LoadAsync(TableAccess access, int cycleId, CancellationToken ct = default) =>
        PlanSnapshot.LoadAsync(db, access.Table.Id, cycleId, ct);

    /// <summary>The plan of a cycle as the person may see it, or null (no such cycle, or not published for them).</summary>
    public async Task<PlanView?> GetPlanAsync(PlanRights rights, int cycleId, bool includeArchived = false, CancellationToken ct = default)
    {
        var plan = await LoadAsync(rights.Access, cycleId, ct);
        return plan is null || !CanSee(rights, plan.Settings) ? null : ToView(plan, rights, includeArchived && rights.Access.CanObserve);
    }

    public PlanView ToView(PlanSnapshot plan, PlanRights rights, bool includeArchived)
    {
        var (objectiveProgress, priorityProgress) = plan.Rollup();
        var budgets = SeesBudgets(rights, plan.Settings);
        var today = Today;
        return new PlanView(plan.Cycle.Id, plan.Cycle.Title, plan.Cycle.Start, plan.Cycle.End,
            new PlanSettingsView(plan.Settings.Published, plan.Settings.ShowBudgets, plan.Settings.Version),
            plan.Priorities.Select(p => new PriorityView(p.Id, p.Title, p.Order, p.BallotId, priorityProgress[p.Id], p.Version,
                plan.ObjectivesOf(p).Where(o => includeArchived || !o.Archived).Select(o => new ObjectiveView(o.Id, o.PriorityId, o.Title, o.Description, o.Order,
                    o.Weight, o.Archived, objectiveProgress[o.Id], o.Version,
                    plan.ActionsOf(o).Where(a => includeArchived || !a.Archived).Select(a => Summary(plan, a, rights, budgets, today)).ToList())).ToList())).ToList());
    }

    public static ActionSummary Summary(PlanSnapshot plan, ActionItem a, PlanRights rights, bool budgets, DateOnly today) =>
        new(a.Id, a.ObjectiveId, a.Title, a.Theme, a.Tag, a.LeadOrganisationId, plan.OrganisationName(a.LeadOrganisationId), plan.PartnerNames(a),
            a.WorkingGroup, a.Start, a.End, a.Status, a.Progress, a.Weight, a.Archived, budgets ? a.Budget : null,
            Lateness.IsLate(a, today), Lateness.LateMilestones(a, today).Count(), rights.CanReport(a), a.Version);

    /// <summary>One action with everything about it, or null when it does not exist or the person may not see the plan.</summary>
    public async Task<ActionDetail?> GetActionAsync(PlanRights rights, int actionId, CancellationToken ct = default)
    {
        var cycleId = await db.Actions.AsNoTracking().Where(a => a.Id == actionId && a.TableId == rights.Access.Table.Id).Select(a => (int?)a.CycleId).FirstOrDefaultAsync(ct);
        if (cycleId is null || await LoadAsync(rights.Access, cycleId.Value, ct) is not { } plan || !CanSee(rights, plan.Settings))
        {
            return null;
        }
        var action = plan.Actions.Single(a => a.Id == actionId);
        var objective = plan.Objectives.Single(o => o.Id == action.ObjectiveId);
        var priority = plan.Priorities.Single(p => p.Id == objective.PriorityId);
        var budgets = SeesBudgets(rights, plan.Settings);
        var journal = await db.Journal.AsNoTracking().Where(j => j.ActionId == actionId).OrderByDescending(j => j.On).ThenByDescending(j => j.Id).ToListAsync(ct);
        var today = Today;
        return new ActionDetail(Summary(plan, action, rights, budgets, today), action.Description, priority.Id, priority.Title, objective.Title,
            action.Partners.Select(p => p.OrganisationId).ToList(),
            budgets ? action.Funding.Select(f => new FundingLineView(f.Funder, f.Amount, f.Status)).ToList() : [],
            action.Milestones.Select(m => new MilestoneView(m.Id, m.Title, m.Due, m.Done, m.DoneOn, m.IsLate(today))).ToList(),
            action.Indicators.Select(i => new IndicatorView(i.Id, i.Label, i.Unit, i.Baseline, i.Target,
                i.Values.Select(v => new IndicatorValueView(v.Id, v.On, v.Value, v.Note)).ToList())).ToList(),
            journal.Select(j => ToView(j, rights.Access.CanObserve)).ToList());
    }

    public static JournalView ToView(JournalEntry j, bool member) =>
        new(j.Id, j.On, j.At, member ? j.AuthorName : null, j.OrganisationName, j.Text, j.Status, j.Progress);

    public Task<int?> CycleOfActionAsync(TableAccess access, int actionId, CancellationToken ct = default) =>
        db.Actions.AsNoTracking().Where(a => a.Id == actionId && a.TableId == access.Table.Id).Select(a => (int?)a.CycleId).FirstOrDefaultAsync(ct);

    public Task<int?> CycleOfObjectiveAsync(TableAccess access, int objectiveId, CancellationToken ct = default) =>
        db.Objectives.AsNoTracking().Where(o => o.Id == objectiveId && o.TableId == access.Table.Id).Select(o => (int?)o.CycleId).FirstOrDefaultAsync(ct);

    /// <summary>An action as its edit form starts: every field and part, with the version to send back.</summary>
    public async Task<ActionEdit?> EditOfActionAsync(PlanRights rights, int actionId, CancellationToken ct = default)
    {
        var a = await db.Actions.AsNoTracking().Include(x => x.Partners).Include(x => x.Ideas).Include(x => x.Funding).Include(x => x.Milestones).Include(x => x.Indicators)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == actionId && x.TableId == rights.Access.Table.Id, ct);
        return a is null || !rights.CanEditPlan ? null : new ActionEdit
        {
            Title = a.Title, Description = a.Description, Theme = a.Theme, Tag = a.Tag, LeadOrganisationId = a.LeadOrganisationId,
            PartnerOrganisationIds = a.Partners.Select(p => p.OrganisationId).ToList(), WorkingGroup = a.WorkingGroup, Start = a.Start, End = a.End,
            Status = a.Status, Progress = a.Progress, Weight = a.Weight, Version = a.Version,
            Funding = a.Funding.OrderBy(f => f.Id).Select(f => new FundingLineEdit { Funder = f.Funder, Amount = f.Amount, Status = f.Status }).ToList(),
            Milestones = a.Milestones.OrderBy(m => m.Due).Select(m => new MilestoneEdit { Id = m.Id, Title = m.Title, Due = m.Due, Done = m.Done }).ToList(),
            Indicators = a.Indicators.OrderBy(i => i.Id).Select(i => new IndicatorEdit { Id = i.Id, Label = i.Label, Unit = i.Unit, Baseline = i.Baseline, Target = i.Target }).ToList(),
            IdeaIds = a.Ideas.Select(i => i.IdeaId).ToList(),
        };
    }

    /// <summary>Forgets what this scope's context tracks (after a refused save, before trying again).</summary>
    public void Forget() => db.ChangeTracker.Clear();

    /// <summary>Funders already named in the table's plans (suggested when typing a funding line).</summary>
    public async Task<List<string>> FundersAsync(TableAccess access, CancellationToken ct = default) =>
        (await db.FundingLines.AsNoTracking().Where(f => f.TableId == access.Table.Id).Select(f => f.Funder).Distinct().ToListAsync(ct))
            .Order(StringComparer.CurrentCulture).ToList();
}
