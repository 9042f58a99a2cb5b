using Microsoft.AspNetCore.HttpOverrides;

namespace Tables.Web.Features.Hosting;

/// <summary>
/// Running for real: behind a TLS reverse proxy (forwarded headers from known proxies only, so HSTS is sent and cookies
/// are Secure), and the headers every answer carries (Content-Security-Policy, no framing, no sniffing).
/// </summary>
public static class HostingSecurity
{
    public static void AddTablesSecurity(this WebApplicationBuilder builder)
    {
        var proxies = ReverseProxy.FromConfiguration(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(proxies.Apply);
        // A year, as OWASP advises; not for subdomains, which the installation may not own.
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddSingleton<ContentSecurityPolicy>();
        // Secure over HTTPS (as the proxy says), so plain-HTTP installations still work; the sign-in cookie does the same.
        builder.Services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
    }

    /// <summary>First in the pipeline: every later middleware sees the client's address and scheme, and every answer
    /// (error pages too) gets the headers.</summary>
    public static void UseTablesSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Sent only over HTTPS (as the proxy says, once forwarded headers are read), never for localhost.
            app.UseHsts();
        }
        var policy = app.Services.GetRequiredService<ContentSecurityPolicy>();
        app.Use((context, next) =>
        {
            // Set as the answer starts: the exception handler and status pages clear headers set earlier.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy.For(context);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
