using System.Text.Json.Serialization;
using MudBlazor.Services;
using Tables.Web.Components;
using Tables.Web.Data;

namespace Tables.Web;

/// <summary>What every feature relies on: Blazor, MudBlazor, problem details, OpenAPI, health.</summary>
public static class HostExtensions
{
    public static void AddTablesHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemMapping>();
        // A body or parameter that cannot be read throws, so ProblemMapping answers with problem+json instead of a bare 400/415.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.AddHttpContextAccessor();
        services.AddSingleton<Features.Accounts.PublicUrl>();
        // Counting methods are written as their tokens ("irv"), other enums by name: the app's JSON rules.
        services.ConfigureHttpJsonOptions(o => TablesJson.Configure(o.SerializerOptions));
    }

    public static void UseTablesHost(this WebApplication app)
    {
        // First, so that error answers too speak the person's language.
        app.UseRequestLocalization();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Pages get the error page; the API gets problem+json.
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
        });
        // Pages show the not-found page with the status (re-executed on the app itself: in a branch, routing would not
        // run again and the answer stayed an empty 404). The API writes its problem body first (below): left alone.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // An API refusal without a body (415 or 405 from routing, 429 from the rate limiter) still gets problem+json.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var text = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.UiText>>();
            var status = http.Response.StatusCode;
            var title = status switch
            {
                StatusCodes.Status401Unauthorized => text["Error.SignInRequired"],
                StatusCodes.Status403Forbidden => text["Error.Forbidden"],
                StatusCodes.Status404NotFound => text["Error.NotFound"],
                _ => text["Error.BadRequest"],
            };
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title.Value },
            });
        }));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
    }

    public static void MapTablesPages(this WebApplication app) =>
        // The app's own Content-Security-Policy forbids framing everywhere (Features/Hosting): Blazor's second header goes.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
}
