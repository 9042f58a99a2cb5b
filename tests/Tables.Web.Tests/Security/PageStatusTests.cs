using System.Text.Json;
using System.Web;
using Microsoft.AspNetCore.SignalR;

namespace Tables.Web.Tests.Security;

/// <summary>Not found answers 404 with the app's page, denied answers 403, anonymous visitors are asked to sign in.</summary>
public sealed class PageStatusTests(TablesAppFactory app) : IClassFixture<TablesAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unknown_address_answers_404_with_the_apps_not_found_page()
    {
        var response = await app.Client().GetAsync("/nulle-part/ici", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<h1", html);
        Assert.Contains("Cette page n&#x27;existe pas.", html);
    }

    [Fact]
    public async Task The_not_found_and_denied_pages_answer_with_their_status()
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/not-found", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/account/denied", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_or_private_table_answers_404_and_offers_to_sign_in()
    {
        await app.CreateOtherTableAsync("statuts-privee", "statuts@autre.example");
        var client = app.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/t/inconnue", Ct)).StatusCode);
        var hidden = await client.GetAsync("/t/statuts-privee", Ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        var html = HttpUtility.HtmlDecode(await hidden.Content.ReadAsStringAsync(Ct));
        // The same page as for a table that does not exist; signing in may show it.
        Assert.Contains("Cette page n'existe pas.", html);
        Assert.Contains("connectez-vous pour la voir", html);
        Assert.Contains("href=\"/account/login?returnUrl=%2Ft%2Fstatuts-privee\"", html);
    }

    [Fact]
    public async Task An_anonymous_visitor_on_a_staff_page_gets_a_sign_in_link_back_to_it()
    {
        var response = await app.Client().GetAsync("/t/tilleuls/edit", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = HttpUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Connexion requise", html);
        Assert.Contains("href=\"/account/login?returnUrl=%2Ft%2Ftilleuls%2Fedit\"", html);
        Assert.DoesNotContain("rôle", html);
    }

    [Fact]
    public async Task A_member_without_the_role_is_told_so_with_403()
    {
        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        var response = await partner.GetAsync("/t/tilleuls/members", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = HttpUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Accès refusé", html);
        Assert.DoesNotContain("account/login", html.Replace("/account/logout", "", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/tables/new", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_hub_call_that_cannot_be_bound_says_nothing_of_the_server_outside_development()
    {
        await using var hub = app.Hub();
        await hub.StartAsync(Ct);
        using var text = JsonDocument.Parse("\"pas un nombre\"");
        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeCoreAsync("Watch", typeof(object), [text.RootElement.Clone()], Ct));
        Assert.Equal("Failed to invoke 'Watch' due to an error on the server.", error.Message);
    }
}
