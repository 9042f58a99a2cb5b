using Microsoft.AspNetCore.Authorization;
using Tables.Web.Data;

namespace Tables.Web.Features.Tables;

/// <summary>The person may see the table but not do this: 403, or 401 when not signed in.</summary>
public sealed class ForbiddenException() : Exception("Forbidden.");

public static class TableAuthorization
{
    /// <summary>
    /// The entry point of every table endpoint: enters the table's scope for this request (its queries see that table's
    /// rows only), resolves the caller's access to a table and checks a <see cref="TablePolicies"/> policy: a table that does not
    /// exist or that the caller may not read is a 404 (its existence is not revealed), a readable table where the
    /// policy fails is a 403 (401 when anonymous).
    /// </summary>
    public static async Task<TableAccess> AuthorizeTableAsync(this HttpContext http, string slug, string policy)
    {
        var services = http.RequestServices;
        var access = await services.GetRequiredService<TableService>().EnterAsync(http.User, slug, http.RequestAborted)
            ?? throw new NotFoundException();
        var result = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, access, policy);
        return result.Succeeded ? access : throw new ForbiddenException();
    }
}
