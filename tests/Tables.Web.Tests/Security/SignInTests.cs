using System.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Features.Accounts;

namespace Tables.Web.Tests.Security;

/// <summary>Password guessing is slowed per address without locking anyone out; answers say nothing of who has an account.</summary>
public sealed class SignInTests(SignInTests.App app) : IClassFixture<SignInTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class App : ProxiedAppFactory
    {
        public int HashChecks;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IPasswordHasher<TablesUser>>(new CountingHasher(this)));
        }

        private sealed class CountingHasher(App app) : PasswordHasher<TablesUser>
        {
            public override PasswordVerificationResult VerifyHashedPassword(TablesUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref app.HashChecks);
                return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }

    private static async Task<(HttpResponseMessage Response, string Text)> SignInAsync(HttpClient client, string email, string password)
    {
        var response = await client.SubmitFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        return (response, HttpUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task Wrong_passwords_slow_that_address_for_that_account_but_never_lock_the_owner_out()
    {
        await app.CreateOtherTableAsync("verrou-table", "verrou@example.org");
        var attacker = app.From("203.0.113.7");
        for (var i = 0; i < 5; i++)
        {
            var (failed, text) = await SignInAsync(attacker, "verrou@example.org", "Pas-le-bon-" + i);
            Assert.Equal(i < 3 ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, failed.StatusCode);
        }
        // After 3 failures the address waits (5 s; attempts while waiting are refused unread), even with the right password.
        var (refused, message) = await SignInAsync(attacker, "verrou@example.org", TablesAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Trop d'essais depuis votre connexion. Réessayez dans 5 secondes.", message);
        Assert.Equal("5", refused.Headers.RetryAfter?.ToString());

        // The owner, elsewhere, signs in at once: nobody can lock an account at will.
        var (owner, _) = await SignInAsync(app.From("198.51.100.20"), "verrou@example.org", TablesAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);

        // Once the wait is over, the guessing address may try again; a success starts its count again.
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var (later, _) = await SignInAsync(attacker, "verrou@example.org", TablesAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        var (again, _) = await SignInAsync(app.From("203.0.113.7"), "verrou@example.org", "Encore-faux-1");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Each_further_failure_doubles_the_wait_up_to_fifteen_minutes()
    {
        var client = app.From("203.0.113.8");
        var waits = new List<string?>();
        while (waits.Count < 8)
        {
            var (response, _) = await SignInAsync(client, TablesAppFactory.Observer, "Mauvais-mot-2027");
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                waits.Add(response.Headers.RetryAfter?.ToString());
                app.Clock.Advance(TimeSpan.FromSeconds(int.Parse(response.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        // Failures 3 to 10 give 5, 10, 20, 40, 80, 160, 320, 640 s (then 15 minutes at most).
        Assert.Equal(["5", "10", "20", "40", "80", "160", "320", "640"], waits);
        var (last, _) = await SignInAsync(client, TablesAppFactory.Observer, TablesAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
    }

    [Fact]
    public async Task An_address_that_fails_for_many_accounts_is_stopped_for_all_of_them()
    {
        var client = app.From("2001:db8:1:2:3:4:5:6");
        for (var i = 0; i < 20; i++)
        {
            var (response, _) = await SignInAsync(client, $"inconnu{i}@example.org", "Quelconque-2027");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        // The same /64 is the same client; even the right password waits for the end of the window (15 minutes).
        var (stopped, text) = await SignInAsync(app.From("2001:db8:1:2:ffff::1"), TablesAppFactory.Partner, TablesAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, stopped.StatusCode);
        Assert.Contains("Réessayez dans 15 minutes", text);
        var (elsewhere, _) = await SignInAsync(app.From("2001:db8:9::1"), TablesAppFactory.Partner, TablesAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_costs_a_password_check_like_a_wrong_password()
    {
        var client = app.From("192.0.2.44");
        var before = app.HashChecks;
        var (unknown, unknownText) = await SignInAsync(client, "personne-ici@example.org", "Un-essai-2027");
        var afterUnknown = app.HashChecks;
        var (wrong, wrongText) = await SignInAsync(client, TablesAppFactory.Coordinator, "Un-essai-2027");
        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, app.HashChecks - afterUnknown);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Contains("Courriel ou mot de passe incorrect.", unknownText);
        Assert.Contains("Courriel ou mot de passe incorrect.", wrongText);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_the_old_cookie_no_longer_works()
    {
        var cookie = await app.SignInCookiesAsync(TablesAppFactory.Partner);
        using var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(browser, HttpMethod.Get, "/api/tables/tilleuls/members", cookie)).StatusCode);

        // Sign out as the layout's form does (antiforgery token from the page, with its cookie).
        var page = await SendAsync(browser, HttpMethod.Get, "/", cookie);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signOut = await SendAsync(browser, HttpMethod.Post, "/account/logout", cookie,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = HttpUtility.HtmlDecode(token), ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        // The cookie kept from before signing out (as a thief would have it) signs in no one.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(browser, HttpMethod.Get, "/api/tables/tilleuls/members", cookie)).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Set<AuthSession>(), s => s.UserId == db.Users.Single(u => u.Email == TablesAppFactory.Partner).Id, Ct)));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string cookie, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request, Ct);
    }
}
