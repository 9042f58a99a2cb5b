using Microsoft.EntityFrameworkCore;
using Tables.Web.Features.Forums;

namespace Tables.Web.Tests.Features;

/// <summary>The participants' phone pages as served: the code form, the phone shell, its strings, and the QR code.</summary>
public sealed class PhonePageTests(TablesAppFactory app) : IClassFixture<TablesAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_code_page_has_a_labelled_code_box_and_no_blazor_or_mudblazor_script()
    {
        var html = await app.Client().GetStringAsync("/j", Ct);
        Assert.Contains("<label for=\"code\">Code du forum</label>", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"/j\"", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.Contains("css/phone", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.web", html, StringComparison.Ordinal);
        Assert.DoesNotContain("MudBlazor", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_code_goes_to_its_page_upper_cased_and_a_malformed_one_is_explained()
    {
        var client = app.Client();
        var response = await client.GetAsync("/j?code=ab-c 123", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/j/ABC123", response.Headers.Location?.OriginalString.Replace(client.BaseAddress!.ToString().TrimEnd('/'), "", StringComparison.Ordinal));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/j?code=%3Cb%3E", Ct));
        Assert.Contains("Ce code n'a pas la bonne forme", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_forum_page_shows_its_title_the_join_form_and_the_strings_for_the_script()
    {
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);
        var forum = await ForumTestKit.OpenForumAsync(coordinator, "Forum de la ruelle");
        var response = await app.Client().GetAsync($"/j/{forum.Forum.JoinCode.ToLowerInvariant()}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("<h1 id=\"forum-title\">Forum de la ruelle</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"data-code=\"{forum.Forum.JoinCode}\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"join-name\">", html, StringComparison.Ordinal);
        Assert.Contains("<select id=\"join-group\"", html, StringComparison.Ordinal);
        foreach (var group in forum.Groups)
        {
            Assert.Contains($">{group}</option>", html, StringComparison.Ordinal);
        }
        Assert.Contains("lib/signalr/signalr", html, StringComparison.Ordinal);
        Assert.Contains("js/forum-phone", html, StringComparison.Ordinal);

        // The script's strings come from the resources, in the page's language; the JSON cannot close its element.
        var json = System.Text.RegularExpressions.Regex.Match(await app.Client().GetStringAsync($"/j/{forum.Forum.JoinCode}", Ct),
            "<script type=\"application/json\" id=\"phone-text\">(?<json>.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups["json"].Value;
        var text = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;
        Assert.Equal("Votre vote est enregistré.", text["Recorded"]);
        Assert.Equal("Très bien", text["Grade.5"]);
        Assert.Equal("Collecte d'idées", text["Activity.Ideas"]);

        var english = await app.Client().GetStringAsync($"/j/{forum.Forum.JoinCode}?culture=en-CA&ui-culture=en-CA", Ct);
        Assert.Contains("Your ballot is recorded.", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_code_and_a_closed_forum_say_so()
    {
        var unknown = WebUtility.HtmlDecode(await app.Client().GetStringAsync("/j/XXXXXX", Ct));
        Assert.Contains("Aucun forum ne porte le code XXXXXX", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"phone\"", unknown, StringComparison.Ordinal);

        var garbage = await app.Client().GetStringAsync("/j/%3Cscript%3E", Ct);
        Assert.Contains("&lt;SCRIPT&gt;", garbage, StringComparison.Ordinal);
        Assert.DoesNotContain("<SCRIPT>", garbage, StringComparison.Ordinal);

        var closed = await app.WithDbAsync(db => db.Forums.IgnoreQueryFilters().Where(f => f.Status == ForumStatus.Closed).Select(f => f.JoinCode).FirstAsync(Ct));
        var html = WebUtility.HtmlDecode(await app.Client().GetStringAsync($"/j/{closed}", Ct));
        Assert.Contains("Ce forum est terminé", html, StringComparison.Ordinal);
        // A closed forum takes no one new (no join form), but whoever took part still reads the results on the page.
        Assert.Matches("<section id=\"join\"[^>]* hidden", html);
        Assert.Contains("data-status=\"Closed\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_qr_code_is_an_svg_of_the_phone_page_address()
    {
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);
        var forum = await ForumTestKit.OpenForumAsync(coordinator);
        var response = await app.Client().GetAsync($"/j/{forum.Forum.JoinCode}/qr.svg", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Equal("http://localhost/j/" + forum.Forum.JoinCode, JoinEndpoints.JoinUrl(new Microsoft.AspNetCore.Http.DefaultHttpContext
        {
            Request = { Scheme = "http", Host = new Microsoft.AspNetCore.Http.HostString("localhost") },
        }.Request, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), forum.Forum.JoinCode));

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/j/XXXXXX/qr.svg", Ct)).StatusCode);
    }
}
