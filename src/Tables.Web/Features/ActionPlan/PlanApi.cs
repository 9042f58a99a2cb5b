using Microsoft.AspNetCore.Http.HttpResults;
using Tables.Web.Data;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.ActionPlan;

public sealed record CreatedId(int Id, Guid Version);

/// <summary>
/// REST read/write of the action plan under <c>/api/tables/{slug}/plan</c>, with the same rules as the screens: every
/// endpoint asks a table policy, then the services decide per row (a partner reports only on its organisation's actions).
/// </summary>
public static class PlanApi
{
    private static async Task<PlanRights> RightsAsync(HttpContext http, string slug, string policy)
    {
        var access = await http.AuthorizeTableAsync(slug, policy);
        return await http.RequestServices.GetRequiredService<PlanService>().RightsAsync(access, http.User, http.RequestAborted);
    }

    public static void MapPlanApi(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("/api/tables/{slug}/plan").WithTags("Action plan");

        plan.MapGet("/cycles/{cycleId:int}", async Task<Ok<PlanView>> (string slug, int cycleId, bool? archived, HttpContext http, PlanService plans) =>
        {
            var rights = await RightsAsync(http, slug, TablePolicies.Read);
            return TypedResults.Ok(await plans.GetPlanAsync(rights, cycleId, archived ?? false, http.RequestAborted) ?? throw new NotFoundException());
        }).WithSummary("A cycle's plan: priorities → objectives → actions with rolled-up progress (budgets only for those who may see them).");

        plan.MapPut("/cycles/{cycleId:int}/settings", async Task<NoContent> (string slug, int cycleId, PlanSettingsEdit edit, HttpContext http, PlanEditor editor) =>
        {
            await editor.UpdateSettingsAsync(await RightsAsync(http, slug, TablePolicies.Facilitate), http.User, cycleId, edit, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithSummary("Publishes the plan (or not) and chooses whether its public page shows budgets.");

        plan.MapGet("/cycles/{cycleId:int}/dashboard", async Task<Ok<Dashboard>> (string slug, int cycleId, string? theme, int? lead, ActionStatus? status,
            string? workingGroup, DateTime? since, HttpContext http, PlanDashboard dashboard) =>
        {
            var rights = await RightsAsync(http, slug, TablePolicies.Member);
            return TypedResults.Ok(await dashboard.GetAsync(rights, cycleId, new DashboardFilter(theme, lead, status, workingGroup), since?.ToUniversalTime(), http.RequestAborted)
                ?? throw new NotFoundException());
        }).WithSummary("The partner dashboard: late items, changes since a moment, progress per priority, budget per funder, social/ecological mix.");

        plan.MapGet("/cycles/{cycleId:int}/actions.csv", async Task<FileContentHttpResult> (string slug, int cycleId, HttpContext http, PlanExports exports) =>
            TypedResults.File(await exports.ActionsCsvAsync(await RightsAsync(http, slug, TablePolicies.Read), cycleId, http.RequestAborted) ?? throw new NotFoundException(),
                "text/csv; charset=utf-8", "actions.csv")).WithSummary("The cycle's actions as CSV (spreadsheet-safe).");

        plan.MapGet("/cycles/{cycleId:int}/journal.csv", async Task<FileContentHttpResult> (string slug, int cycleId, HttpContext http, PlanExports exports) =>
            TypedResults.File(await exports.JournalCsvAsync(await RightsAsync(http, slug, TablePolicies.Read), cycleId, http.RequestAborted) ?? throw new NotFoundException(),
                "text/csv; charset=utf-8", "journal.csv")).WithSummary("The cycle's progress journal as CSV (spreadsheet-safe).");

        plan.MapPost("/cycles/{cycleId:int}/priorities", async Task<Created<CreatedId>> (string slug, int cycleId, PriorityEdit edit, HttpContext http, PlanEditor editor) =>
        {
            var p = await editor.AddPriorityAsync(await RightsAsync(http, slug, TablePolicies.Facilitate), http.User, cycleId, edit, http.RequestAborted);
            return TypedResults.Created($"/api/tables/{slug}/plan/cycles/{cycleId}", new CreatedId(p.Id, p.Version));
        }).WithSummary("Adds a priority by hand, after the cycle's last one.");

        plan.MapPut("/priorities/{id:int}", async Task<NoContent> (string slug, int id, PriorityEdit edit, HttpContext http, PlanEditor editor) =>
        {
            await editor.UpdatePriorityAsync(await RightsAsync(http, slug, TablePolicies.Facilitate), http.User, id, edit, http.RequestAborted);
            return TypedResults.NoContent();
        });

        plan.MapDelete("/priorities/{id:int}", async Task<NoContent> (string slug, int id, HttpContext http, PlanEditor editor) =>
        {
            await editor.DeletePriorityAsync(await RightsAsync(http, slug, TablePolicies.Facilitate), http.User, id, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithSummary("Removes a priority that has no objective.");

        plan.MapPost("/priorities/{id:int}/move", async Task<NoContent> (string slug, int id, PlanMove move, HttpContext http, PlanEditor editor) =>
        {
            await editor.MovePriorityAsync(await RightsAsync(http, slug, TablePolicies.Facilitate), http.User, id, move, http.RequestAborted);
            return TypedResults.NoContent();
        });

        plan.MapPost("/priorities/{id:int}/objectives", async Task<Created<CreatedId>> (string slug, int id, ObjectiveEdit edit, HttpContext http, PlanEditor editor) =>
        {
            var o = await editor.AddObjectiveAsync(await RightsAsync(http, slug, TablePolicies.Facilitate), http.User, id, edit, http.RequestAborted);
            return TypedResults.Created($"/api/tables/{slug}/plan/objectives/{o.Id}", new CreatedId(o.Id, o.Version));
        });

        plan.MapPut("/objectives/{id:int}", async Task<NoContent> (string slug, int id, ObjectiveEdit edit, HttpContext http, PlanEditor editor) =>
        {
            await editor.UpdateObjectiveAsync(await RightsAsync(http, slug, TablePolicies.Facilitate), http.User, id, edit, http.RequestAborted);
            return TypedResults.NoContent();
        });

        plan.MapPost("/objectives/{id:int}/move", async Task<NoContent> (string slug, int id, PlanMove move, HttpContext http, PlanEditor editor) =>
        {
            await editor.MoveObjectiveAsync(await RightsAsync(http, slug, TablePolicies.Facilitate), http.User, id, move, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithSummary("Moves an objective among its priority's (position from 0) or to another priority (parentId).");

        plan.MapPost("/objectives/{id:int}/archive", async Task<NoContent> (string slug, int id, ArchiveRequest request, HttpContext http, PlanEditor editor) =>
        {
            await editor.ArchiveObjectiveAsync(await RightsAsync(http, slug, TablePolicies.Facilitate), http.User, id, request, http.RequestAborted);
            return TypedResults.NoContent();
        });

        plan.MapPost("/objectives/{id:int}/actions", async Task<Created<CreatedId>> (string slug, int id, ActionEdit edit, HttpContext http, PlanEditor editor) =>
        {
            var a = await editor.AddActionAsync(await RightsAsync(http, slug, TablePolicies.Facilitate), http.User, id, edit, http.RequestAborted);
            return TypedResults.Created($"/api/tables/{slug}/plan/actions/{a.Id}", new CreatedId(a.Id, a.Version));
        });

        MapActions(plan.MapGroup("/actions/{id:int}"));

        plan.MapGet("/ideas/{ideaId:int}", async Task<Ok<IdeaChainView>> (string slug, int ideaId, HttpContext http, IdeaChain chain) =>
            TypedResults.Ok(await chain.FromIdeaAsync(await RightsAsync(http, slug, TablePolicies.Read), ideaId, http.RequestAborted) ?? throw new NotFoundException()))
            .WithSummary("What became of an idea: ballot options, priorities, objectives, actions and their journal.");
    }

    private static void MapActions(RouteGroupBuilder action)
    {
        action.MapGet("/", async Task<Ok<ActionDetail>> (string slug, int id, HttpContext http, PlanService plans) =>
            TypedResults.Ok(await plans.GetActionAsync(await RightsAsync(http, slug, TablePolicies.Read), id, http.RequestAborted) ?? throw new NotFoundException()));

        action.MapPut("/", async Task<NoContent> (string slug, int id, ActionEdit edit, HttpContext http, PlanEditor editor) =>
        {
            await editor.UpdateActionAsync(await RightsAsync(http, slug, TablePolicies.Facilitate), http.User, id, edit, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithSummary("Saves every field and part of an action; 409 when someone changed it since the version sent.");

        action.MapPost("/move", async Task<NoContent> (string slug, int id, PlanMove move, HttpContext http, PlanEditor editor) =>
        {
            await editor.MoveActionAsync(await RightsAsync(http, slug, TablePolicies.Facilitate), http.User, id, move, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithSummary("Moves an action among its objective's (position from 0) or to another objective of the cycle (parentId).");

        action.MapPost("/duplicate", async Task<Created<CreatedId>> (string slug, int id, HttpContext http, PlanEditor editor) =>
        {
            var copy = await editor.DuplicateActionAsync(await RightsAsync(http, slug, TablePolicies.Facilitate), http.User, id, http.RequestAborted);
            return TypedResults.Created($"/api/tables/{slug}/plan/actions/{copy.Id}", new CreatedId(copy.Id, copy.Version));
        });

        action.MapPost("/archive", async Task<NoContent> (string slug, int id, ArchiveRequest request, HttpContext http, PlanEditor editor) =>
        {
            await editor.ArchiveActionAsync(await RightsAsync(http, slug, TablePolicies.Facilitate), http.User, id, request, http.RequestAborted);
            return TypedResults.NoContent();
        });

        action.MapPost("/progress", async Task<NoContent> (string slug, int id, ProgressReport report, HttpContext http, ProgressService progress) =>
        {
            await progress.ReportAsync(await RightsAsync(http, slug, TablePolicies.Partner), http.User, id, report, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithSummary("Status and % progress, by the action's lead or partner organisations (or the staff).");

        action.MapPost("/journal", async Task<Created<JournalView>> (string slug, int id, JournalPost post, HttpContext http, ProgressService progress) =>
        {
            var entry = await progress.PostJournalAsync(await RightsAsync(http, slug, TablePolicies.Partner), http.User, id, post, http.RequestAborted);
            return TypedResults.Created($"/api/tables/{slug}/plan/actions/{id}", PlanService.ToView(entry, member: true));
        }).WithSummary("A dated journal entry; a status or progress in it moves the action (send its version).");

        action.MapPost("/milestones/{milestoneId:int}", async Task<NoContent> (string slug, int id, int milestoneId, MilestoneCheck check, HttpContext http, ProgressService progress) =>
        {
            await progress.SetMilestoneAsync(await RightsAsync(http, slug, TablePolicies.Partner), http.User, id, milestoneId, check, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithSummary("Marks a milestone done or not done.");

        action.MapPost("/indicators/{indicatorId:int}/values", async Task<Created> (string slug, int id, int indicatorId, IndicatorValuePost post, HttpContext http, ProgressService progress) =>
        {
            await progress.AddIndicatorValueAsync(await RightsAsync(http, slug, TablePolicies.Partner), http.User, id, indicatorId, post, http.RequestAborted);
            return TypedResults.Created($"/api/tables/{slug}/plan/actions/{id}");
        }).WithSummary("A dated actual value of an indicator.");

        action.MapGet("/history", async Task<Ok<IReadOnlyList<HistoryLine>>> (string slug, int id, HttpContext http, PlanHistory history) =>
            TypedResults.Ok(await history.ForActionAsync(await RightsAsync(http, slug, TablePolicies.Member), id, ct: http.RequestAborted)))
            .WithSummary("Every change to the action and its parts: who, when, each field before and after.");

        action.MapGet("/origins", async Task<Ok<ActionOrigins>> (string slug, int id, HttpContext http, IdeaChain chain) =>
            TypedResults.Ok(await chain.FromActionAsync(await RightsAsync(http, slug, TablePolicies.Read), id, http.RequestAborted) ?? throw new NotFoundException()))
            .WithSummary("Where an action comes from: its priority, the ballot option and votes behind it, the forum ideas behind those.");
    }
}
