using Microsoft.AspNetCore.Identity;
using Tables.Web.Data;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Accounts;

public static class AccountsExtensions
{
    /// <summary>Identity with EF stores, the sign-in cookie, lockout, and the table policies.</summary>
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthorizationBuilder().AddTablePolicies();
        services.AddIdentityCore<TablesUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                // No lockout on failures (anyone could lock anyone out): SignInThrottle slows guessing per address instead.
            })
            .AddEntityFrameworkStores<TablesDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<TablesClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = "tables.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The API answers 401/403; only pages redirect to the login screen.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        // Sessions live in the database: signing out ends them for good, on every instance.
        services.AddSingleton<AuthSessionStore>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<AuthSessionStore>((options, store) => options.SessionStore = store);
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidation>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<AdminCommand>();
        services.AddScoped<AccountInvitations>();
    }

    /// <summary><c>admin …</c> on the command line (see <see cref="AdminCommand"/>): runs it and gives its exit code.</summary>
    public static async Task<int> RunAdminCommandAsync(this WebApplication app, string[] args)
    {
        // The command runs instead of the web host, so its hosted services (migrations among them) do not run.
        if (!await DatabaseSetup.PrepareAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<ILoggerFactory>()))
        {
            return 1;
        }
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AdminCommand>().RunAsync(args, AdminCommand.Terminal.FromConsole());
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    public static void MapAccounts(this WebApplication app) => app.MapAccountEndpoints();
}
