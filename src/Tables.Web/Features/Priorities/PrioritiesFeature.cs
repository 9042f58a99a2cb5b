using Microsoft.AspNetCore.Http.HttpResults;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Priorities;

public sealed record PromoteRequest(IReadOnlyList<string> Tokens);

/// <summary>The priorities of a cycle: promoted from ballots here, listed with their cycle (GET …/cycles/{id}).</summary>
public static class PrioritiesFeature
{
    public static void AddPriorities(this WebApplicationBuilder builder) => builder.Services.AddScoped<PriorityService>();

    public static void MapPriorities(this WebApplication app)
    {
        app.MapPost("/api/tables/{slug}/ballots/{id:int}/priorities", async Task<Ok<IEnumerable<string>>> (string slug, int id, PromoteRequest request, HttpContext http, PriorityService priorities) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Facilitate);
            var created = await priorities.PromoteAsync(access, http.User, id, request.Tokens, http.RequestAborted);
            return TypedResults.Ok(created.Select(p => p.Title));
        })
        .WithTags("Priorities")
        .WithSummary("Makes chosen options of a closed ballot priorities of the forum's cycle (in the order given); returns the titles added.");
    }
}
