using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;

namespace Tables.Testing;

/// <summary>Sets up forums through the real API and connects real SignalR clients to the test server.</summary>
public static class ForumTestKit
{
    public static HubConnection Hub(this TablesAppFactory app, Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions>? configure = null, string path = "/hubs/forum")
    {
        var server = app.Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                configure?.Invoke(o);
                var headers = o.Headers;
                o.WebSocketFactory = async (context, ct) =>
                {
                    // The test server's WebSocket client does not send the connection's headers (e.g. the sign-in cookie) by itself.
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request =>
                    {
                        foreach (var (name, value) in headers)
                        {
                            request.Headers[name] = value;
                        }
                    };
                    return await client.ConnectAsync(context.Uri, ct);
                };
            })
            .Build();
    }

    /// <summary>Creates and opens a forum of the sample table's current cycle, as its coordinator; returns its details.</summary>
    public static async Task<ForumDetail> OpenForumAsync(HttpClient coordinator, string title = "Forum d'essai")
    {
        var cycles = await coordinator.GetFromJsonAsync<List<Tables.Web.Features.Cycles.CycleItem>>("/api/tables/tilleuls/cycles");
        var created = await coordinator.PostAsJsonAsync("/api/tables/tilleuls/forums", new ForumCreate
        {
            CycleId = cycles!.First(c => c.Phase == Tables.Web.Features.Cycles.Phase.Implementation).Id,
            Title = title,
            StartsAt = new DateTime(2026, 11, 26, 19, 0, 0, DateTimeKind.Utc),
            Place = "Centre communautaire",
        });
        created.EnsureSuccessStatusCode();
        var forum = (await created.Content.ReadFromJsonAsync<ForumItem>())!;
        (await coordinator.PostAsync($"/api/tables/tilleuls/forums/{forum.Id}/open", null)).EnsureSuccessStatusCode();
        return (await coordinator.GetFromJsonAsync<ForumDetail>($"/api/tables/tilleuls/forums/{forum.Id}"))!;
    }

    public static async Task<BallotItem> CreateBallotAsync(HttpClient coordinator, int forumId, BallotSetup setup)
    {
        var response = await coordinator.PostAsJsonAsync($"/api/tables/tilleuls/forums/{forumId}/ballots", setup);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<BallotItem>())!;
    }

    public static BallotSetup SixOfNine(ResultVisibility visibility = ResultVisibility.AfterClose) => new()
    {
        Question = "Quelles priorités pour le quartier ?",
        Method = Tables.Voting.VotingMethod.Approval,
        Settings = new BallotSettings { MaxChoices = 6 },
        Options = ["Logement abordable", "Sécurité alimentaire", "Verdissement", "Mobilité active", "Réussite éducative", "Santé mentale", "Vie culturelle", "Emploi local", "Sécurité des rues"],
        Visibility = visibility,
    };

    public static VoteContent Approve(params string[] tokens) => new() { Values = tokens.ToDictionary(t => t, _ => 1) };

    public static string NewId() => Guid.NewGuid().ToString("N");
}
