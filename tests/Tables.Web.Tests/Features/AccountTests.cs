using System.Web;
using Tables.Web.Features.Members;

namespace Tables.Web.Tests.Features;

public sealed class AccountTests : IClassFixture<TablesAppFactory>
{
    private readonly TablesAppFactory _app;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public AccountTests(TablesAppFactory app) => _app = app;

    [Fact]
    public async Task A_wrong_password_does_not_sign_in()
    {
        var client = _app.Client();
        var response = await client.SubmitFormAsync("/account/login", new() { ["Input.Email"] = TablesAppFactory.Partner, ["Input.Password"] = "pas-le-bon" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Courriel ou mot de passe incorrect.", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tables/tilleuls/members", Ct)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_make_this_connection_wait_even_with_the_right_one()
    {
        using var coordinator = await _app.SignedInAsync(TablesAppFactory.Coordinator);
        (await coordinator.PostAsJsonAsync("/api/tables/tilleuls/members", new MemberAdd { Email = "verrou@example.org", Role = Tables.Web.Features.Members.TableRole.Observer }, Ct)).EnsureSuccessStatusCode();
        await SetPasswordThroughLinkAsync("verrou@example.org", "Bon-mot-de-passe-1");

        var client = _app.Client();
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitFormAsync("/account/login", new() { ["Input.Email"] = "verrou@example.org", ["Input.Password"] = "faux" });
        }
        var response = await client.SubmitFormAsync("/account/login", new() { ["Input.Email"] = "verrou@example.org", ["Input.Password"] = "Bon-mot-de-passe-1" });
        Assert.Contains("Trop d'essais", HttpUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task A_new_member_chooses_a_password_from_the_invitation_and_signs_in()
    {
        using var coordinator = await _app.SignedInAsync(TablesAppFactory.Coordinator);
        var add = new MemberAdd { Email = "nouvelle@example.org", DisplayName = "Nouvelle Partenaire", Role = Tables.Web.Features.Members.TableRole.Partner };
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync("/api/tables/tilleuls/members", add, Ct)).StatusCode);

        await SetPasswordThroughLinkAsync("nouvelle@example.org", "Mon-nouveau-mdp-2026");
        using var member = await _app.SignedInAsync("nouvelle@example.org", "Mon-nouveau-mdp-2026");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/tables/tilleuls/members", Ct)).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_sends_a_working_link_and_says_the_same_for_unknown_addresses()
    {
        var client = _app.Client();
        var unknown = await client.SubmitFormAsync("/account/forgot-password", new() { ["Input.Email"] = "personne@example.org" });
        var known = await client.SubmitFormAsync("/account/forgot-password", new() { ["Input.Email"] = TablesAppFactory.Facilitator });
        Assert.Contains("Si un compte correspond", await unknown.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Si un compte correspond", await known.Content.ReadAsStringAsync(Ct));
        Assert.Empty(_app.Emails.LinksTo("personne@example.org"));

        await SetPasswordThroughLinkAsync(TablesAppFactory.Facilitator, "Rue-des-Ormes-2027");
        using var _ = await _app.SignedInAsync(TablesAppFactory.Facilitator, "Rue-des-Ormes-2027");
    }

    [Fact]
    public async Task A_reset_with_a_forged_code_is_refused()
    {
        var response = await _app.Client().SubmitFormAsync($"/account/reset-password?email={TablesAppFactory.Observer}&code=Zm9yZ2Vk",
            new() { ["Input.Email"] = TablesAppFactory.Observer, ["Input.Password"] = "Nouveau-mdp-123", ["Input.Confirm"] = "Nouveau-mdp-123" });
        Assert.Contains("Ce lien n'est plus valide", HttpUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        using var _ = await _app.SignedInAsync(TablesAppFactory.Observer);
    }

    [Fact]
    public async Task The_language_choice_is_kept_in_a_cookie()
    {
        var client = _app.Client();
        Assert.Contains("Tables publiques", await client.GetStringAsync("/", Ct));
        var switched = await client.GetAsync("/culture/en-CA?returnUrl=/", Ct);
        Assert.Equal("/", switched.Headers.Location?.OriginalString);
        Assert.Contains("Public tables", await client.GetStringAsync("/", Ct));
        var outside = await client.GetAsync("/culture/fr-CA?returnUrl=//evil.example", Ct);
        Assert.Equal("/", outside.Headers.Location?.OriginalString);
    }

    private async Task SetPasswordThroughLinkAsync(string email, string password)
    {
        var link = new Uri(_app.Emails.LinksTo(email)[^1]);
        var response = await _app.Client().SubmitFormAsync(link.PathAndQuery, new() { ["Input.Email"] = email, ["Input.Password"] = password, ["Input.Confirm"] = password });
        Assert.Contains("Votre mot de passe est enregistré.", HttpUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }
}
