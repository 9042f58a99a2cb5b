using Microsoft.Extensions.Configuration;
namespace Tables.Web.Tests.Security;

/// <summary>Behind a TLS proxy: HSTS and Secure cookies when a known proxy says HTTPS, never on anyone else's word.</summary>
public sealed class ReverseProxyTests(ProxiedAppFactory app) : IClassFixture<ProxiedAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Over_https_through_the_local_proxy_hsts_is_sent_and_cookies_are_secure()
    {
        var client = app.From("203.0.113.30", https: true);
        client.DefaultRequestHeaders.Host = "tables.quartier.example";
        var page = await client.GetAsync("/account/login", Ct);
        Assert.Equal("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains("upgrade-insecure-requests", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("wss://tables.quartier.example", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        // The test client keeps no Secure cookie over its plain http:// (as a browser would not): sent by hand, as the proxy would.
        var form = System.Text.RegularExpressions.Regex.Matches(await page.Content.ReadAsStringAsync(Ct), "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        form["Input.Email"] = TablesAppFactory.Partner;
        form["Input.Password"] = TablesAppFactory.DemoPassword;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent(form) };
        post.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var signIn = await client.SendAsync(post, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tables.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Plain_http_gets_no_hsts_and_no_secure_cookie()
    {
        var page = await app.From("203.0.113.31").GetAsync("/account/login", Ct);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_proxy_that_is_not_configured_is_not_believed()
    {
        await using var elsewhere = new ProxiedAppFactory();
        elsewhere.Settings["ReverseProxy:KnownProxies"] = "10.20.30.40";
        var page = await elsewhere.From("203.0.113.32", https: true).GetAsync("/account/login", Ct);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("upgrade-insecure-requests", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public void Known_proxies_and_networks_are_read_as_lists_or_strings_and_a_typo_stops_the_start()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReverseProxy:KnownProxies"] = "10.0.0.2; 10.0.0.3",
            ["ReverseProxy:KnownNetworks:0"] = "172.18.0.0/16",
            ["ReverseProxy:KnownNetworks:1"] = "fd00::/8",
        }).Build();
        var proxy = Tables.Web.Features.Hosting.ReverseProxy.FromConfiguration(configuration);
        Assert.Equal(["10.0.0.2", "10.0.0.3"], proxy.Proxies.Select(p => p.ToString()));
        Assert.Equal(["172.18.0.0/16", "fd00::/8"], proxy.Networks.Select(n => n.ToString()));
        var typo = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReverseProxy:KnownNetworks"] = "10.0.0.0/33",
        }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => Tables.Web.Features.Hosting.ReverseProxy.FromConfiguration(typo));
        Assert.Contains("ReverseProxy:KnownNetworks", error.Message);
    }
}
