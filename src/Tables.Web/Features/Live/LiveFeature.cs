using Microsoft.Extensions.Options;

namespace Tables.Web.Features.Live;

/// <summary>
/// The live-update mechanism every screen and phone follows (docs/ARCHITECTURE-NOTES.md, "Live updates"). A feature adds
/// a kind of topic with <see cref="AddLiveTopic{T}"/> and makes its rows <see cref="ILiveRow"/>; screens follow with
/// <c>FollowAsync</c> (Components/Shared/AccessPage).
/// </summary>
public static class LiveFeature
{
    public static void AddLive(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LiveOptions>().Bind(builder.Configuration.GetSection("Live")).ValidateDataAnnotations().ValidateOnStart();
        // Every refusal of the live hub is a HubException with a localized message (ForumHubErrors maps the rest):
        // detailed errors only add why SignalR could not bind the arguments.
        services.AddSignalR().AddHubOptions<LiveHub>(o => o.EnableDetailedErrors = true);
        services.AddSingleton<LiveUpdates>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveUpdates>());
        services.AddSingleton<LiveInstance>();
        services.AddSingleton<LiveLoopback>();
        services.AddSingleton<LiveSubscriber>();
        var redis = builder.Configuration["SignalR:Redis"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // Several instances: every hub's groups (phones, staff, each instance's subscriber) span them all.
            services.AddSignalR().AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("tables"));
        }
    }

    /// <summary>Adds a kind of topic (scoped: it reads through the DbContext).</summary>
    public static IServiceCollection AddLiveTopic<T>(this IServiceCollection services) where T : class, ILiveTopicSource =>
        services.AddScoped<ILiveTopicSource, T>();

    public static void MapLive(this WebApplication app) => app.MapHub<LiveHub>("/hubs/live");
}
