using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tables.Web.Data.Auditing;

namespace Tables.Web.Features.Accounts;

/// <summary>Reads who the signed-in person is from their claims.</summary>
public static class UserClaims
{
    public const string Administrator = "tables:admin";
    public const string DisplayName = "tables:name";

    public static string? UserId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.HasClaim(Administrator, "true");

    public static Actor ToActor(this ClaimsPrincipal user) =>
        user.UserId() is { } id ? new Actor(id, user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? id) : Actor.System;
}

/// <summary>Adds the display name and the administrator flag to the sign-in cookie.</summary>
internal sealed class TablesClaimsFactory(UserManager<TablesUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TablesUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TablesUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UserClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.UserName ?? "" : user.DisplayName));
        if (user.IsAdministrator)
        {
            identity.AddClaim(new Claim(UserClaims.Administrator, "true"));
        }
        return identity;
    }
}
