using Microsoft.EntityFrameworkCore;
using Tables.Reports;
using Tables.Reports.Models;
using Tables.Web.Data;
using Tables.Web.Features.ActionPlan;
using Model = Tables.Reports.Models;

namespace Tables.Web.Features.Reports;

/// <summary>
/// The « Plan d'action » report's model, from the cycle's plan as the reader may see it: the same snapshot and the same
/// rules as the plan's pages (members, or anyone once the plan is published; budgets only for those who may see them),
/// the consultation's figures from the cycle's forums, and the ballots the priorities came from, then the others.
/// </summary>
public sealed class PlanReports(TablesDbContext db, PlanService plans, BallotReports ballots)
{
    public async Task<PlanReport?> BuildAsync(PlanRights rights, int cycleId, ReportCulture culture, CancellationToken ct)
    {
        if (await plans.LoadAsync(rights.Access, cycleId, ct) is not { } plan || !PlanService.CanSee(rights, plan.Settings))
        {
            return null;
        }
        var budgets = PlanService.SeesBudgets(rights, plan.Settings);
        var forums = await db.Forums.AsNoTracking().Where(f => f.CycleId == cycleId).Select(f => f.Id).ToListAsync(ct);
        var deciding = plan.Priorities.Select(p => p.BallotId).OfType<int>().Distinct().ToList();
        var cycleBallots = await db.Ballots.AsNoTracking().Where(b => forums.Contains(b.ForumId)).ToListAsync(ct);
        var table = rights.Access.Table;
        return new PlanReport
        {
            Table = new TableInfo(table.Name, table.Neighbourhood),
            Cycle = new CycleInfo(plan.Cycle.Title, plan.Cycle.Start, plan.Cycle.End),
            Language = culture.IsFrench ? "fr" : "en",
            Prioritization = new Prioritization
            {
                Forums = forums.Count,
                Participants = await db.Participants.CountAsync(p => forums.Contains(p.ForumId), ct),
                Ideas = await db.Ideas.CountAsync(i => forums.Contains(i.ForumId) && !i.Hidden && i.MergedIntoId == null, ct),
                // The ballot(s) the priorities came from first: the document charts the first one.
                Ballots = await ballots.ForAsync(cycleBallots.OrderBy(b => deciding.Contains(b.Id) ? 0 : 1).ThenBy(b => b.ClosedAt).ToList(), culture, ct),
            },
            Priorities = plan.Priorities.Select(p => new PlanPriority
            {
                Title = p.Title,
                Objectives = plan.ObjectivesOf(p).Where(o => !o.Archived).Select(o => o.Title).ToList(),
                Actions = plan.ObjectivesOf(p).Where(o => !o.Archived).SelectMany(plan.ActionsOf).Where(a => !a.Archived)
                    .Select(a => Action(plan, a, budgets)).ToList(),
            }).ToList(),
            Produced = plans.Today,
        };
    }

    private static PlanAction Action(PlanSnapshot plan, ActionItem a, bool budgets) => new()
    {
        Title = a.Title,
        Description = a.Description,
        Tag = Enum.Parse<Model.TransitionTag>(a.Tag.ToString()),
        Lead = plan.OrganisationName(a.LeadOrganisationId) ?? "—",
        Partners = plan.PartnerNames(a),
        // An action without dates spans the cycle (the timeline draws it so).
        Start = a.Start ?? plan.Cycle.Start,
        End = a.End ?? plan.Cycle.End,
        Status = Enum.Parse<Model.ActionStatus>(a.Status.ToString()),
        Progress = a.Progress,
        // Received money was granted first: the report's two states are asked for and granted.
        Funding = budgets
            ? a.Funding.Select(f => new Funding(f.Funder, f.Amount, f.Status == ActionPlan.FundingStatus.Requested ? Model.FundingStatus.Requested : Model.FundingStatus.Granted)).ToList()
            : [],
    };
}
