using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tables.Web.Tests.Security;

/// <summary>
/// The app behind a reverse proxy on the same machine, as installed for real: every request arrives from 127.0.0.1 and
/// says who the client is with <c>X-Forwarded-For</c> (see <see cref="From"/>). Its clock is the test's.
/// </summary>
public class ProxiedAppFactory : TablesAppFactory
{
    public ManualClock Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 19, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, FromLocalProxy>();
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A client whose requests the proxy says come from <paramref name="address"/>.</summary>
    public HttpClient From(string address, bool https = false)
    {
        var client = this.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        if (https)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        }
        return client;
    }

    private sealed class FromLocalProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>A clock the test moves by hand (no waiting in tests).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}
