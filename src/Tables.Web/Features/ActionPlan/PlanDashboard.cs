using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;

namespace Tables.Web.Features.ActionPlan;

/// <summary>Which actions the dashboard looks at (every field optional).</summary>
public sealed record DashboardFilter(string? Theme = null, int? Lead = null, ActionStatus? Status = null, string? WorkingGroup = null)
{
    public bool Keeps(ActionItem a) =>
        (Theme is null || a.Theme == Theme) && (Lead is null || a.LeadOrganisationId == Lead) && (Status is null || a.Status == Status)
        && (WorkingGroup is null || a.WorkingGroup == WorkingGroup);
}

public sealed record Dashboard(int CycleId, string CycleTitle, DateOnly Today, DateTime? Since, int Actions, int LateActionCount,
    IReadOnlyList<LateItem> Late, IReadOnlyList<ChangeItem> Changes, IReadOnlyList<PriorityProgress> Priorities,
    IReadOnlyList<FunderBudget> Funders, IReadOnlyDictionary<TransitionTag, int> Mix, IReadOnlyDictionary<ActionStatus, int> Statuses,
    DashboardChoices Choices);

/// <summary>A late milestone (<see cref="Milestone"/> set) or an action past its end.</summary>
public sealed record LateItem(int ActionId, string ActionTitle, string? Lead, string? Milestone, DateOnly Due, int DaysLate);

/// <summary>One change to an action since the person's last visit (from the audit).</summary>
public sealed record ChangeItem(int ActionId, string ActionTitle, DateTime At, string By, string Entity, string Action, IReadOnlyList<FieldChange> Changes);

public sealed record PriorityProgress(int Id, string Title, double? Progress, int Actions);

/// <summary>Per funder: asked and not yet granted, granted (received included), received.</summary>
public sealed record FunderBudget(string Funder, decimal Requested, decimal Granted, decimal Received);

/// <summary>The values the filters offer.</summary>
public sealed record DashboardChoices(IReadOnlyList<string> Themes, IReadOnlyList<(int Id, string Name)> Leads, IReadOnlyList<string> WorkingGroups);

/// <summary>
/// The partner dashboard of a cycle's plan: what is late, what changed since the person's last visit, progress per
/// priority, budget per funder (granted vs received), the social/ecological mix, with filters. Computed from one
/// <see cref="PlanSnapshot"/> plus the audit since the visit.
/// </summary>
public sealed class PlanDashboard(TablesDbContext db, PlanService plans, TimeProvider clock)
{
    /// <summary>A visit starts after this long without looking: what changed before it is no longer "new".</summary>
    public static readonly TimeSpan VisitGap = TimeSpan.FromMinutes(30);

    public async Task<Dashboard?> GetAsync(PlanRights rights, int cycleId, DashboardFilter filter, DateTime? since, CancellationToken ct = default)
    {
        if (!rights.Access.CanObserve || await plans.LoadAsync(rights.Access, cycleId, ct) is not { } plan)
        {
            return null;
        }
        var today = plans.Today;
        var actions = plan.Actions.Where(a => !a.Archived && filter.Keeps(a)).ToList();
        var late = actions.SelectMany(a => Lateness.LateMilestones(a, today)
                .Select(m => new LateItem(a.Id, a.Title, plan.OrganisationName(a.LeadOrganisationId), m.Title, m.Due, today.DayNumber - m.Due.DayNumber))
                .Concat(Lateness.IsLate(a, today) ? [new LateItem(a.Id, a.Title, plan.OrganisationName(a.LeadOrganisationId), null, a.End!.Value, today.DayNumber - a.End.Value.DayNumber)] : []))
            .OrderByDescending(l => l.DaysLate).ThenBy(l => l.ActionTitle, StringComparer.CurrentCulture).ToList();

        var (_, priorityProgress) = plan.Rollup();
        var objectivePriority = plan.Objectives.ToDictionary(o => o.Id, o => o.PriorityId);
        var priorities = plan.Priorities.Select(p => new PriorityProgress(p.Id, p.Title, priorityProgress[p.Id],
            actions.Count(a => objectivePriority.GetValueOrDefault(a.ObjectiveId) == p.Id))).ToList();

        var funders = actions.SelectMany(a => a.Funding).GroupBy(f => f.Funder, StringComparer.CurrentCultureIgnoreCase)
            .Select(g => new FunderBudget(g.First().Funder,
                g.Where(f => f.Status == FundingStatus.Requested).Sum(f => f.Amount),
                g.Where(f => f.Status != FundingStatus.Requested).Sum(f => f.Amount),
                g.Where(f => f.Status == FundingStatus.Received).Sum(f => f.Amount)))
            .OrderByDescending(f => f.Granted + f.Requested).ToList();

        var all = plan.Actions.Where(a => !a.Archived).ToList();
        var choices = new DashboardChoices(
            all.Select(a => a.Theme).OfType<string>().Distinct().Order(StringComparer.CurrentCulture).ToList(),
            all.Select(a => a.LeadOrganisationId).OfType<int>().Distinct().Select(i => (i, plan.OrganisationName(i) ?? "")).OrderBy(l => l.Item2, StringComparer.CurrentCulture).ToList(),
            all.Select(a => a.WorkingGroup).OfType<string>().Distinct().Order(StringComparer.CurrentCulture).ToList());

        return new Dashboard(plan.Cycle.Id, plan.Cycle.Title, today, since, actions.Count, actions.Count(a => Lateness.IsLate(a, today)), late,
            since is null ? [] : await ChangesAsync(rights, actions.ToDictionary(a => a.Id, a => a.Title), since.Value, ct),
            priorities, funders,
            Enum.GetValues<TransitionTag>().ToDictionary(t => t, t => actions.Count(a => a.Tag == t)),
            Enum.GetValues<ActionStatus>().ToDictionary(s => s, s => actions.Count(a => a.Status == s)),
            choices);
    }

    /// <summary>Changes to the given actions after <paramref name="since"/>, newest first (at most <paramref name="max"/>).</summary>
    public async Task<IReadOnlyList<ChangeItem>> ChangesAsync(PlanRights rights, IReadOnlyDictionary<int, string> actions, DateTime since, CancellationToken ct, int max = 30)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.TableId == rights.Access.Table.Id && a.At > since && a.Subject != null && a.Subject.StartsWith("ActionItem:"))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(max * 4).ToListAsync(ct);
        var changes = new List<ChangeItem>();
        foreach (var entry in entries)
        {
            if (!int.TryParse(entry.Subject.AsSpan("ActionItem:".Length), out var id) || !actions.TryGetValue(id, out var title))
            {
                continue;
            }
            var line = PlanHistory.ToLine(entry);
            if (line.Changes.Count > 0 || line.Action != "Updated")
            {
                changes.Add(new ChangeItem(id, title, entry.At, entry.ActorName, entry.Entity, line.Action, line.Changes));
            }
        }
        return changes.Take(max).ToList();
    }

    /// <summary>
    /// Records that the person is looking at the plan and returns since when changes are new to them: the last time they
    /// looked before this visit (a visit ends after <see cref="VisitGap"/> without looking); a first visit sees two weeks.
    /// </summary>
    public async Task<DateTime> VisitAsync(PlanRights rights, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (user.UserId() is not { } userId)
        {
            return now.AddDays(-14);
        }
        var visit = await db.PlanVisits.FirstOrDefaultAsync(v => v.UserId == userId && v.TableId == rights.Access.Table.Id, ct);
        if (visit is null)
        {
            visit = new PlanVisit { TableId = rights.Access.Table.Id, UserId = userId };
            db.PlanVisits.Add(visit);
        }
        else if (now - visit.SeenAt > VisitGap)
        {
            visit.PreviousSeenAt = visit.SeenAt;
        }
        visit.SeenAt = now;
        await db.SaveChangesAsync(ct);
        return visit.PreviousSeenAt ?? now.AddDays(-14);
    }
}
