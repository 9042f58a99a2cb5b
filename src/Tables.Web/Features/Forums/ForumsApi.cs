using Microsoft.AspNetCore.Http.HttpResults;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Forums;

public sealed record ForumItem(int Id, int CycleId, string Title, DateTime StartsAt, string Place, string JoinCode, ForumStatus Status)
{
    public static ForumItem From(Forum f) => new(f.Id, f.CycleId, f.Title, f.StartsAt, f.Place, f.JoinCode, f.Status);
}

public sealed record ForumDetail(ForumItem Forum, IReadOnlyList<ActivityView> Agenda, IReadOnlyList<string> Groups);

public static class ForumsApi
{
    public static void MapForumsApi(this IEndpointRouteBuilder app)
    {
        var forums = app.MapGroup("/api/tables/{slug}/forums").WithTags("Forums");

        forums.MapGet("/", async Task<Ok<IEnumerable<ForumItem>>> (string slug, HttpContext http, ForumConsole console) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Read);
            return TypedResults.Ok((await console.ListAsync(access, http.RequestAborted)).Select(ForumItem.From));
        });

        forums.MapGet("/{id:int}", async Task<Ok<ForumDetail>> (string slug, int id, HttpContext http, ForumConsole console) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Read);
            var f = await console.FindAsync(access, id, http.RequestAborted);
            return TypedResults.Ok(new ForumDetail(ForumItem.From(f),
                f.Activities.OrderBy(a => a.Order).Select(a => new ActivityView(a.Id, a.Order, a.Kind, a.Title, a.BallotId)).ToList(), f.Groups));
        });

        forums.MapPost("/", async Task<Created<ForumItem>> (string slug, ForumCreate create, HttpContext http, ForumConsole console) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Facilitate);
            var forum = await console.CreateAsync(access, http.User, create, http.RequestAborted);
            return TypedResults.Created($"/api/tables/{slug}/forums/{forum.Id}", ForumItem.From(forum));
        }).WithSummary("Creates a forum (facilitators and coordinators) with its join code and agenda.");

        forums.MapPost("/{id:int}/open", async Task<NoContent> (string slug, int id, HttpContext http, ForumConsole console) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Facilitate);
            await console.OpenAsync(access, http.User, id, http.RequestAborted);
            return TypedResults.NoContent();
        });

        forums.MapPost("/{id:int}/close", async Task<NoContent> (string slug, int id, HttpContext http, ForumConsole console) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Facilitate);
            await console.CloseAsync(access, http.User, id, http.RequestAborted);
            return TypedResults.NoContent();
        });
    }
}
