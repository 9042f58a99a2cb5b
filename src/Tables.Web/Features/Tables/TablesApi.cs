using Microsoft.AspNetCore.Http.HttpResults;
using Tables.Web.Features.Accounts;

namespace Tables.Web.Features.Tables;

public sealed record TableListItem(string Slug, string Name, string Neighbourhood);

public sealed record TableDetail(string Slug, string Name, string Neighbourhood, string Description, string DefaultLanguage, bool IsPublic, IReadOnlyList<string> Themes, Guid Version)
{
    public static TableDetail From(Table t) => new(t.Slug, t.Name, t.Neighbourhood, t.Description, t.DefaultLanguage, t.IsPublic, t.Themes, t.Version);
}

public static class TablesApi
{
    public static void MapTablesApi(this IEndpointRouteBuilder app)
    {
        var tables = app.MapGroup("/api/tables").WithTags("Tables");

        tables.MapGet("/", async (HttpContext http, TableService service) =>
            TypedResults.Ok((await service.ListVisibleAsync(http.User, http.RequestAborted)).Select(t => new TableListItem(t.Slug, t.Name, t.Neighbourhood))))
            .WithSummary("Tables the caller may see: theirs and the public ones.");

        tables.MapGet("/{slug}", async Task<Ok<TableDetail>> (string slug, HttpContext http) =>
            TypedResults.Ok(TableDetail.From((await http.AuthorizeTableAsync(slug, TablePolicies.Read)).Table)));

        tables.MapPost("/", async Task<Created<TableDetail>> (TableCreate create, HttpContext http, TableService service) =>
        {
            if (!http.User.IsAdministrator())
            {
                throw new ForbiddenException();
            }
            var table = await service.CreateAsync(http.User, create, http.RequestAborted);
            return TypedResults.Created($"/api/tables/{table.Slug}", TableDetail.From(table));
        }).WithSummary("Creates a table (installation administrators); the creator becomes its coordinator.");

        tables.MapPut("/{slug}", async Task<Ok<TableDetail>> (string slug, TableEdit edit, HttpContext http, TableService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Coordinate);
            await service.UpdateAsync(access, http.User, edit, http.RequestAborted);
            return TypedResults.Ok(TableDetail.From(access.Table));
        });
    }
}
