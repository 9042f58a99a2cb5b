using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Tables.Web.Tests;

/// <summary>Drives the server-rendered account forms like a browser would: hidden fields (antiforgery) included.</summary>
public static partial class Browser
{
    public static HttpClient Client(this TablesAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInAsync(this TablesAppFactory factory, string email, string password = TablesAppFactory.DemoPassword)
    {
        var client = factory.Client();
        var response = await client.SubmitFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email} failed: {response.StatusCode}");
        return client;
    }

    /// <summary>Signs in through the real form and returns the cookies (for clients that are not HttpClient, e.g. SignalR).</summary>
    public static async Task<string> SignInCookiesAsync(this TablesAppFactory factory, string email, string password = TablesAppFactory.DemoPassword)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var cookies = new CookieContainer();
        var page = await client.GetAsync("/account/login");
        Keep(cookies, client.BaseAddress!, page);
        var form = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password };
        foreach (Match hidden in HiddenInput().Matches(await page.Content.ReadAsStringAsync()))
        {
            form[WebUtility.HtmlDecode(hidden.Groups["name"].Value)] = WebUtility.HtmlDecode(hidden.Groups["value"].Value);
        }
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent(form) };
        post.Headers.Add("Cookie", cookies.GetCookieHeader(client.BaseAddress!));
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Keep(cookies, client.BaseAddress!, response);
        return cookies.GetCookieHeader(client.BaseAddress!);
    }

    private static void Keep(CookieContainer cookies, Uri uri, HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                cookies.SetCookies(uri, value);
            }
        }
    }

    /// <summary>GETs the page, then POSTs its form with the hidden fields plus <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var form = new Dictionary<string, string>();
        foreach (Match hidden in HiddenInput().Matches(page))
        {
            form[WebUtility.HtmlDecode(hidden.Groups["name"].Value)] = WebUtility.HtmlDecode(hidden.Groups["value"].Value);
        }
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
