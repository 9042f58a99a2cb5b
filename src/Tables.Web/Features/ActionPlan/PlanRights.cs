using Tables.Web.Features.Tables;

namespace Tables.Web.Features.ActionPlan;

/// <summary>
/// What one person may do to the plan. Coordinators and facilitators edit all of it; a partner reports on the actions
/// its organisation leads or partners in (journal, status, progress, milestones done, indicator values) and nothing
/// else; observers read. The services ask this for every write: the screens only hide what it refuses.
/// </summary>
public sealed record PlanRights(TableAccess Access, int? OrganisationId)
{
    /// <summary>Priorities, objectives, actions' every field, moving, duplicating, archiving, publishing.</summary>
    public bool CanEditPlan => Access.CanFacilitate;

    /// <summary>The partner dashboard, digest settings: partners and up.</summary>
    public bool CanPartner => Access.CanPartner;

    /// <summary>Journal, status, progress, milestones done and indicator values of this action.</summary>
    public bool CanReport(int? leadOrganisationId, IEnumerable<int> partnerOrganisationIds) =>
        CanEditPlan || (Access.CanPartner && OrganisationId is { } mine && (leadOrganisationId == mine || partnerOrganisationIds.Contains(mine)));

    public bool CanReport(ActionItem action) => CanReport(action.LeadOrganisationId, action.Partners.Select(p => p.OrganisationId));
}

/// <summary>
/// Progress rolls up, never typed twice: an objective's progress is the weighted mean of its actions', a priority's the
/// weighted mean of its objectives' (a missing weight counts as 1, so no weights at all is the plain mean). Archived and
/// cancelled actions, and objectives with nothing to measure, are left out rather than counted as zero.
/// </summary>
public static class ProgressRollup
{
    public static bool Counts(ActionItem action) => !action.Archived && action.Status != ActionStatus.Cancelled;

    /// <summary>Weighted mean of (progress, weight) pairs; null when there is nothing to measure (or every weight is 0).</summary>
    public static double? Mean(IEnumerable<(double Progress, decimal? Weight)> parts)
    {
        double total = 0, weights = 0;
        foreach (var (progress, weight) in parts)
        {
            var w = (double)(weight ?? 1m);
            total += progress * w;
            weights += w;
        }
        return weights > 0 ? total / weights : null;
    }

    public static double? Objective(IEnumerable<ActionItem> actions) =>
        Mean(actions.Where(Counts).Select(a => ((double)a.Progress, a.Weight)));

    public static double? Priority(IEnumerable<(Objective Objective, double? Progress)> objectives) =>
        Mean(objectives.Where(o => !o.Objective.Archived && o.Progress is not null).Select(o => (o.Progress!.Value, o.Objective.Weight)));
}

/// <summary>Late: a milestone past due and not done; an action past its end and neither done nor cancelled.</summary>
public static class Lateness
{
    public static bool IsLate(ActionItem action, DateOnly today) =>
        !action.Archived && action.End is { } end && end < today && action.Status is not (ActionStatus.Done or ActionStatus.Cancelled);

    public static IEnumerable<Milestone> LateMilestones(ActionItem action, DateOnly today) =>
        action.Archived || action.Status == ActionStatus.Cancelled ? [] : action.Milestones.Where(m => m.IsLate(today));
}
