using Microsoft.AspNetCore.Http.HttpResults;
using Tables.Web.Data;
using Tables.Web.Features.Priorities;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Cycles;

public sealed record CycleItem(int Id, string Title, DateOnly Start, DateOnly End, Phase Phase, Guid Version)
{
    public static CycleItem From(Cycle c) => new(c.Id, c.Title, c.Start, c.End, c.Phase, c.Version);
}

public sealed record PhaseChangeItem(Phase? From, Phase To, DateTime At, string By);

/// <summary>A cycle with its phase history and its priorities (each with the ballot it came from, if any).</summary>
public sealed record CycleDetail(int Id, string Title, DateOnly Start, DateOnly End, Phase Phase, Guid Version, IReadOnlyList<PhaseChangeItem> History,
    IReadOnlyList<PriorityItem> Priorities);

public static class CyclesApi
{
    public static void MapCyclesApi(this IEndpointRouteBuilder app)
    {
        var cycles = app.MapGroup("/api/tables/{slug}/cycles").WithTags("Cycles");

        cycles.MapGet("/", async Task<Ok<IEnumerable<CycleItem>>> (string slug, HttpContext http, CycleService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Read);
            return TypedResults.Ok((await service.ListAsync(access, http.RequestAborted)).Select(CycleItem.From));
        }).WithSummary("Cycles of a table: id, title, dates, current phase.");

        cycles.MapGet("/{id:int}", async Task<Ok<CycleDetail>> (string slug, int id, HttpContext http, CycleService service, PriorityService priorities) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Read);
            var c = await service.FindAsync(access, id, http.RequestAborted) ?? throw new NotFoundException();
            return TypedResults.Ok(new CycleDetail(c.Id, c.Title, c.Start, c.End, c.Phase, c.Version,
                c.PhaseHistory.Select(h => new PhaseChangeItem(h.From, h.To, h.At, h.ByName)).ToList(),
                await priorities.ListAsync(access, c.Id, http.RequestAborted)));
        }).WithSummary("A cycle with its phase history and its priorities, each with the ballot (and forum) it came from.");

        cycles.MapPost("/", async Task<Created<CycleItem>> (string slug, CycleEdit edit, HttpContext http, CycleService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Coordinate);
            var cycle = await service.CreateAsync(access, http.User, edit, http.RequestAborted);
            return TypedResults.Created($"/api/tables/{slug}/cycles/{cycle.Id}", CycleItem.From(cycle));
        });

        cycles.MapPut("/{id:int}", async Task<NoContent> (string slug, int id, CycleEdit edit, HttpContext http, CycleService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Coordinate);
            await service.UpdateAsync(access, http.User, id, edit, http.RequestAborted);
            return TypedResults.NoContent();
        });

        cycles.MapPost("/{id:int}/phase", async Task<Ok<CycleItem>> (string slug, int id, PhaseMove move, HttpContext http, CycleService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Coordinate);
            return TypedResults.Ok(CycleItem.From(await service.MovePhaseAsync(access, http.User, id, move, http.RequestAborted)));
        }).WithSummary("Moves the cycle to the next or previous phase.");
    }
}
