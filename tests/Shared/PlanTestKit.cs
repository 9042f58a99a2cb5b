using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Features.ActionPlan;
using Tables.Web.Features.Cycles;

namespace Tables.Testing;

/// <summary>The sample plan's rows tests act on, and rows made for a test (the access matrix, the fuzzing).</summary>
public static class PlanTestKit
{
    /// <summary>The sample partner's organisation (partenaire@tilleuls.example).</summary>
    public const string PartnerOrganisation = "Cuisine collective Le Chaudron";

    /// <summary>An action the partner's organisation leads, one it has no part in, and the current cycle.</summary>
    public static Task<(int Own, int Other, int Cycle)> SampleActionsAsync(this TablesAppFactory app) => app.WithDbAsync(async db =>
    {
        var org = await db.Organisations.Where(o => o.Name == PartnerOrganisation).Select(o => o.Id).SingleAsync();
        var own = await db.Actions.Where(a => a.LeadOrganisationId == org).OrderBy(a => a.Id).FirstAsync();
        var other = await db.Actions.Where(a => a.LeadOrganisationId != org && a.Partners.All(p => p.OrganisationId != org)).OrderBy(a => a.Id).FirstAsync();
        return (own.Id, other.Id, own.CycleId);
    });

    /// <summary>Placeholders of access-matrix.txt for the plan: a priority, objective and action of their own, the partner's action and its parts.</summary>
    public static async Task<Dictionary<string, string>> PlanValuesAsync(this TablesAppFactory app)
    {
        var (own, _, cycle) = await app.SampleActionsAsync();
        return await app.WithDbAsync(async db =>
        {
            var tableId = await db.Tables.Where(t => t.Slug == "tilleuls").Select(t => t.Id).SingleAsync();
            var priority = new Priority { TableId = tableId, CycleId = cycle, Title = "Priorité de la matrice", Order = 99 };
            db.Priorities.Add(priority);
            await db.SaveChangesAsync();
            var objective = new Objective { TableId = tableId, CycleId = cycle, PriorityId = priority.Id, Title = "Objectif de la matrice", Order = 1 };
            db.Objectives.Add(objective);
            await db.SaveChangesAsync();
            var action = new ActionItem { TableId = tableId, CycleId = cycle, ObjectiveId = objective.Id, Title = "Action de la matrice", Order = 1 };
            db.Actions.Add(action);
            await db.SaveChangesAsync();
            var milestone = await db.Milestones.Where(m => m.ActionId == own).Select(m => m.Id).FirstAsync();
            var indicator = await db.Indicators.Where(i => i.ActionId == own).Select(i => i.Id).FirstAsync();
            var idea = await db.ActionIdeas.Where(i => i.ActionId == own).Select(i => i.IdeaId).FirstAsync();
            return new Dictionary<string, string>
            {
                ["{own-action}"] = own.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{own-milestone}"] = milestone.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{own-indicator}"] = indicator.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{plan-idea}"] = idea.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{matrix-priority}"] = priority.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{matrix-objective}"] = objective.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{matrix-action}"] = action.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        });
    }

    /// <summary>Fills {new-priority} with an empty priority made for this request (to delete).</summary>
    public static async Task<string> FillNewPriorityAsync(this TablesAppFactory app, string text)
    {
        if (!text.Contains("{new-priority}", StringComparison.Ordinal))
        {
            return text;
        }
        var (_, _, cycle) = await app.SampleActionsAsync();
        var id = await app.WithDbAsync(async db =>
        {
            var p = new Priority { TableId = db.Tables.Single(t => t.Slug == "tilleuls").Id, CycleId = cycle, Title = $"Jetable {Guid.NewGuid():N}", Order = 100 };
            db.Priorities.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        return text.Replace("{new-priority}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
