using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Tables.Web.Features.Hosting;

/// <summary>
/// Which proxies may say who the client is and whether it came over HTTPS (<c>X-Forwarded-For</c>,
/// <c>X-Forwarded-Proto</c>): <c>ReverseProxy:KnownProxies</c> (addresses) and <c>ReverseProxy:KnownNetworks</c>
/// (CIDR), each a list or a string separated by commas or semicolons. Unset: a proxy on the same machine (loopback).
/// Anyone else's forwarded headers are ignored, so a client cannot claim another address or HTTPS.
/// </summary>
public sealed record ReverseProxy(IReadOnlyList<IPAddress> Proxies, IReadOnlyList<IPNetwork> Networks)
{
    public const string ProxiesKey = "ReverseProxy:KnownProxies";
    public const string NetworksKey = "ReverseProxy:KnownNetworks";

    public static ReverseProxy FromConfiguration(IConfiguration configuration) => new(
        Values(configuration, ProxiesKey).Select(v => IPAddress.TryParse(v, out var address) ? address : throw Invalid(ProxiesKey, v)).ToList(),
        Values(configuration, NetworksKey).Select(v => IPNetwork.TryParse(v, out var network) ? network : throw Invalid(NetworksKey, v)).ToList());

    public void Apply(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        if (Proxies.Count + Networks.Count == 0)
        {
            return; // ASP.NET's default: loopback only
        }
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in Proxies)
        {
            options.KnownProxies.Add(proxy);
        }
        foreach (var network in Networks)
        {
            options.KnownIPNetworks.Add(network);
        }
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var listed = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return listed.SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static InvalidOperationException Invalid(string key, string value) =>
        new($"{key}: \"{value}\" is not an IP address (KnownProxies) or a network such as 10.0.0.0/8 (KnownNetworks).");
}
