using Microsoft.AspNetCore.Http.HttpResults;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Members;

public sealed record OrganisationItem(int Id, string Name, Sector Sector, Guid Version)
{
    public static OrganisationItem From(Organisation o) => new(o.Id, o.Name, o.Sector, o.Version);
}

public static class MembersApi
{
    public static void MapMembersApi(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapGroup("/api/tables/{slug}/organisations").WithTags("Members");
        organisations.MapGet("/", async Task<Ok<IEnumerable<OrganisationItem>>> (string slug, HttpContext http, MemberService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Read);
            return TypedResults.Ok((await service.ListOrganisationsAsync(access, http.RequestAborted)).Select(OrganisationItem.From));
        });
        organisations.MapPost("/", async Task<Created<OrganisationItem>> (string slug, OrganisationEdit edit, HttpContext http, MemberService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Coordinate);
            var o = await service.SaveOrganisationAsync(access, http.User, null, edit, http.RequestAborted);
            return TypedResults.Created($"/api/tables/{slug}/organisations/{o.Id}", OrganisationItem.From(o));
        });
        organisations.MapPut("/{id:int}", async Task<Ok<OrganisationItem>> (string slug, int id, OrganisationEdit edit, HttpContext http, MemberService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Coordinate);
            return TypedResults.Ok(OrganisationItem.From(await service.SaveOrganisationAsync(access, http.User, id, edit, http.RequestAborted)));
        });
        organisations.MapDelete("/{id:int}", async Task<NoContent> (string slug, int id, HttpContext http, MemberService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Coordinate);
            await service.DeleteOrganisationAsync(access, http.User, id, http.RequestAborted);
            return TypedResults.NoContent();
        });

        // Member lists name people: members of the table only, not the public.
        var members = app.MapGroup("/api/tables/{slug}/members").WithTags("Members");
        members.MapGet("/", async Task<Ok<List<MemberRow>>> (string slug, HttpContext http, MemberService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Member);
            return TypedResults.Ok(await service.ListMembersAsync(access, http.RequestAborted));
        });
        members.MapPost("/", async Task<Created> (string slug, MemberAdd add, HttpContext http, MemberService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Coordinate);
            var m = await service.AddMemberAsync(access, http.User, add, http.RequestAborted);
            return TypedResults.Created($"/api/tables/{slug}/members/{m.Id}");
        });
        members.MapPut("/{id:int}", async Task<NoContent> (string slug, int id, MemberEdit edit, HttpContext http, MemberService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Coordinate);
            await service.UpdateMemberAsync(access, http.User, id, edit, http.RequestAborted);
            return TypedResults.NoContent();
        });
        members.MapDelete("/{id:int}", async Task<NoContent> (string slug, int id, HttpContext http, MemberService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Coordinate);
            await service.RemoveMemberAsync(access, http.User, id, http.RequestAborted);
            return TypedResults.NoContent();
        });
    }
}
