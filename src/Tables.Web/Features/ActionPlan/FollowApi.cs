using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.ActionPlan;

/// <summary>Following an idea (from the phone), the one-click stop, and each person's digest settings.</summary>
public static class FollowApi
{
    public const string RateLimitPolicy = "follow";

    public static void AddFollowRateLimit(this WebApplicationBuilder builder)
    {
        var permits = builder.Configuration.GetValue("FollowUps:PermitsPerMinute", 10);
        builder.Services.AddRateLimiter(o => o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "local",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
    }

    public static void MapFollowApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/follow", async Task<NoContent> (FollowRequest request, FollowService follow, HttpContext http) =>
        {
            await follow.FollowAsync(request, http.RequestAborted);
            return TypedResults.NoContent();
        }).RequireRateLimiting(RateLimitPolicy).WithTags("Action plan")
            .WithSummary("Follows one's own idea by e-mail (with consent): the forum's code, the participant's token, the idea, an address. The address is never shown back.");

        // One-click unsubscribe (RFC 8058): mail programs POST without any token of ours; the link's secret is the credential.
        app.MapPost("/follow/{token}/stop", async Task<RedirectHttpResult> (string token, FollowService follow, HttpContext http) =>
        {
            await follow.StopAsync(token, http.RequestAborted);
            return TypedResults.Redirect($"/follow/{Uri.EscapeDataString(token)}");
        }).DisableAntiforgery().ExcludeFromDescription();
        // A mail program that opens the header's address instead of posting to it lands on the page with the button.
        app.MapGet("/follow/{token}/stop", (string token) => TypedResults.Redirect($"/follow/{Uri.EscapeDataString(token)}")).ExcludeFromDescription();

        var digest = app.MapGroup("/api/tables/{slug}/plan/digest").WithTags("Action plan");
        digest.MapGet("/", async Task<Ok<DigestSettingsView>> (string slug, HttpContext http, PlanService plans, DigestService digests) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Partner);
            return TypedResults.Ok(await digests.GetSettingsAsync(await plans.RightsAsync(access, http.User, http.RequestAborted), http.User, http.RequestAborted));
        }).WithSummary("My weekly digest settings in this table.");
        digest.MapPut("/", async Task<NoContent> (string slug, DigestSettingsEdit edit, HttpContext http, PlanService plans, DigestService digests) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Partner);
            await digests.SaveSettingsAsync(await plans.RightsAsync(access, http.User, http.RequestAborted), http.User, edit, http.RequestAborted);
            return TypedResults.NoContent();
        });
    }
}
