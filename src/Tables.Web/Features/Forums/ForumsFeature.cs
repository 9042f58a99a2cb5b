using FluentValidation;
using Microsoft.AspNetCore.SignalR;
using Tables.Web.Features.Ballots;

namespace Tables.Web.Features.Forums;

public static class ForumsFeature
{
    public static void AddForums(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ForumsOptions>().Bind(builder.Configuration.GetSection("Forums")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignalR(o =>
            {
                o.AddFilter<ForumHubErrors>();
                o.AddFilter<ForumHubScope>();
            })
            // ForumHubErrors already turns every failure of a method into a HubException with a safe message; detailed errors
            // only add why SignalR could not call a method (wrong argument count or types) instead of a bare "failed to invoke".
            // For the forum hub only: Blazor's own hub keeps its defaults.
            .AddHubOptions<ForumHub>(o =>
            {
                o.EnableDetailedErrors = builder.Environment.IsDevelopment();
                // A room on bad Wi-Fi, and a server busy with thousands of phones, both answer late: a phone is dropped
                // after a minute of silence, not thirty seconds (the phone page waits as long for the server).
                o.ClientTimeoutInterval = ForumHubTimeouts.Silence;
                o.KeepAliveInterval = ForumHubTimeouts.KeepAlive;
            });
        services.AddSingleton<ForumHubErrors>();
        services.AddSingleton<ForumHubScope>();
        services.AddSingleton<ForumWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ForumWriter>());
        services.AddMemoryCache(o => o.SizeLimit = 100_000);
        services.AddSingleton<LiveCache>();
        services.AddForumTopics();
        services.AddScoped<ForumDirectory>();
        services.AddScoped<LiveForum>();
        services.AddScoped<ForumConsole>();
        // Validators are singletons: FluentValidation builds a validator's rules (expression trees) in its constructor
        // and a built validator is thread-safe. Scoped, the hub built five of them for every vote (docs/PERFORMANCE.md).
        services.AddSingleton<IValidator<JoinRequest>, JoinRequestValidator>();
        services.AddSingleton<IValidator<IdeaRequest>, IdeaRequestValidator>();
        services.AddSingleton<IValidator<CastRequest>, CastRequestValidator>();
        services.AddSingleton<IValidator<ForumCreate>, ForumCreateValidator>();
    }

    public static void MapForums(this WebApplication app)
    {
        app.MapHub<ForumHub>("/hubs/forum");
        app.MapForumsApi();
        app.MapJoin();
    }
}

/// <summary>How long the forum hub and its clients wait for each other (the phone page uses the same figures).</summary>
public static class ForumHubTimeouts
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(60);
}
