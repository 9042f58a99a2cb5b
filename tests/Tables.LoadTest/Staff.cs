using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;

using Tables.Testing;

namespace Tables.LoadTest;

/// <summary>The coordinator's side: signs in through the real form and sets up a table, a forum and a ballot via the API.</summary>
public sealed partial class Staff(Uri url) : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private HttpClient? _http;

    public HttpClient Http => _http ?? throw new InvalidOperationException("sign in first");
    public string CookieHeader => _cookies.GetCookieHeader(url);

    public async Task SignInAsync(string email, string password)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = url };
        var page = await _http.GetStringAsync("/account/login");
        var form = HiddenInput().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        form["Input.Email"] = email;
        form["Input.Password"] = password;
        var response = await _http.PostAsync("/account/login", new FormUrlEncodedContent(form));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in of {email} failed ({response.StatusCode})");
        }
    }

    /// <summary>A fresh table (the signed-in administrator becomes its coordinator), a cycle, an open forum, an open ballot with live results.</summary>
    public async Task<(ForumItem Forum, BallotItem Ballot, int VoteActivity)> SetUpAsync(string slug)
    {
        (await Http.PostAsJsonAsync("/api/tables", new TableCreate { Slug = slug, Name = "Table de charge", Neighbourhood = "Banc d'essai", IsPublic = false })).EnsureSuccessStatusCode();
        var cycle = await Read<CycleItem>(await Http.PostAsJsonAsync($"/api/tables/{slug}/cycles", new CycleEdit { Title = "Cycle", Start = new DateOnly(2026, 1, 1), End = new DateOnly(2029, 1, 1) }));
        var forum = await Read<ForumItem>(await Http.PostAsJsonAsync($"/api/tables/{slug}/forums", new ForumCreate { CycleId = cycle.Id, Title = "Forum de charge", StartsAt = DateTime.UtcNow }));
        (await Http.PostAsync($"/api/tables/{slug}/forums/{forum.Id}/open", null)).EnsureSuccessStatusCode();
        var ballot = await Read<BallotItem>(await Http.PostAsJsonAsync($"/api/tables/{slug}/forums/{forum.Id}/ballots", new BallotSetup
        {
            Question = "Quelles priorités ?",
            Method = Tables.Voting.VotingMethod.Approval,
            Settings = new BallotSettings { MaxChoices = 6 },
            Options = ["Logement", "Alimentation", "Verdissement", "Mobilité", "Éducation", "Aînés", "Espaces publics", "Emploi", "Santé"],
            Visibility = ResultVisibility.OnReveal,
        }));
        var detail = await Http.GetFromJsonAsync<ForumDetail>($"/api/tables/{slug}/forums/{forum.Id}");
        return (forum, ballot, detail!.Agenda.First(a => a.Kind == ActivityKind.Vote).Id);
    }

    /// <summary>The staff's forum hub connection: it reconnects by itself, as the console's circuit does.</summary>
    public HubConnection Hub() => ForumHubClient.Connect(url, CookieHeader, reconnect: true);

    /// <summary>A forum hub connection over WebSockets, as a phone (or to another hub path).</summary>
    public static HubConnection Connect(Uri url, string hub = "/hubs/forum") => ForumHubClient.Connect(url, hub: hub);

    private static async Task<T> Read<T>(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public void Dispose() => _http?.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
