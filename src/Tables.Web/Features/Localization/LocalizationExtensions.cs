using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Tables.Web.Features.Localization;

/// <summary>French (fr-CA) first, English second; the choice is kept in a cookie.</summary>
public static class LocalizationExtensions
{
    public static readonly CultureInfo[] Cultures = [new("fr-CA"), new("en-CA")];

    public static void AddTablesLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.FallBackToParentCultures = true;
            // French unless the person chose otherwise (query string for links and tests, then the cookie); API clients
            // may also ask with Accept-Language ("en" or "en-US" gets en-CA).
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(ApiLanguageAsync)];
        });
    }

    private static Task<ProviderCultureResult?> ApiLanguageAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return Task.FromResult<ProviderCultureResult?>(null);
        }
        var asked = context.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in asked)
        {
            var name = language.Value.Value ?? "";
            var culture = Cultures.FirstOrDefault(c => name.StartsWith(c.TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase));
            if (culture is not null)
            {
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture.Name));
            }
        }
        return Task.FromResult<ProviderCultureResult?>(null);
    }

    /// <summary><c>/culture/{name}?returnUrl=…</c> stores the choice in the cookie and goes back (local URLs only).</summary>
    public static void MapTablesLocalization(this WebApplication app)
    {
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext context) =>
        {
            var culture = Cultures.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                || c.TwoLetterISOLanguageName.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
            return TypedResults.LocalRedirect(target);
        }).ExcludeFromDescription();
    }
}
