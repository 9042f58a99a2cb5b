using FluentValidation;
using Microsoft.AspNetCore.SignalR;
using Tables.Web.Features.Ballots;

namespace Tables.Web.Features.Forums;

public static class ForumsFeature
{
    public static void AddForums(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSignalR(o =>
            {
                o.AddFilter<ForumHubErrors>();
                o.AddFilter<ForumHubScope>();
            })
            // ForumHubErrors already turns every failure of a method into a HubException with a safe message; detailed errors
            // only add why SignalR could not call a method (wrong argument count or types) instead of a bare "failed to invoke".
            // For the forum hub only: Blazor's own hub keeps its defaults.
            .AddHubOptions<ForumHub>(o => o.EnableDetailedErrors = builder.Environment.IsDevelopment());
        services.AddSingleton<ForumHubErrors>();
        services.AddSingleton<ForumHubScope>();
        services.AddSingleton<VoteWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<VoteWriter>());
        services.AddMemoryCache(o => o.SizeLimit = 100_000);
        services.AddSingleton<LiveCache>();
        services.AddSingleton<ForumBroadcaster>();
        services.AddSingleton<IBallotCounter, VotingBallotCounter>();
        services.AddHostedService(sp => sp.GetRequiredService<ForumBroadcaster>());
        services.AddScoped<ForumDirectory>();
        services.AddScoped<LiveForum>();
        services.AddScoped<ForumConsole>();
        // Validators are singletons: FluentValidation builds a validator's rules (expression trees) in its constructor
        // and a built validator is thread-safe. Scoped, the hub built five of them for every vote (docs/PERFORMANCE.md).
        services.AddSingleton<IValidator<JoinRequest>, JoinRequestValidator>();
        services.AddSingleton<IValidator<IdeaRequest>, IdeaRequestValidator>();
        services.AddSingleton<IValidator<CastRequest>, CastRequestValidator>();
        services.AddSingleton<IValidator<ForumCreate>, ForumCreateValidator>();
        services.AddSingleton<IValidator<BallotSetup>, BallotSetupValidator>();
    }

    public static void MapForums(this WebApplication app)
    {
        app.MapHub<ForumHub>("/hubs/forum");
        app.MapForumsApi();
        app.MapBallotExports();
        app.MapJoin();
    }
}
