using Microsoft.AspNetCore.Identity;

namespace Tables.Web.Features.Accounts;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with the antiforgery token (the layout's form), never a link.</summary>
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (SignInManager<TablesUser> signIn, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).ExcludeFromDescription();
    }
}
