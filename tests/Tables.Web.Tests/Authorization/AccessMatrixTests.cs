using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Members;
using Tables.Web.Features.Tables;

namespace Tables.Web.Tests.Authorization;

/// <summary>
/// Every endpoint and every hub method against every role, from the readable table in access-matrix.txt.
/// An endpoint or hub method that is not in the table fails; so does a leak (a refused role that gets through) and a
/// lock-out (an allowed role that is refused).
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixTests.App app) : IClassFixture<AccessMatrixTests.App>
{
    private static readonly string[] Roles = ["anon", "participant", "partner", "facilitator", "coordinator", "observer", "outsider"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_endpoint_is_in_the_matrix_and_every_row_is_an_endpoint()
    {
        var matrix = AccessMatrix.Load();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Methods: string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []), Route: e.RoutePattern.RawText ?? ""))
            .Where(e => !matrix.IsInfrastructure(e.Route))
            .Select(e => $"{e.Methods} {e.Route}".Trim())
            .ToHashSet();
        var listed = matrix.Rows.Where(r => r.Kind is not ("hub" or "live")).Select(r => r.Endpoint).ToHashSet();
        Assert.True(endpoints.SetEquals(listed),
            $"missing from access-matrix.txt: {string.Join("; ", endpoints.Except(listed))}\nlisted but gone: {string.Join("; ", listed.Except(endpoints))}");
    }

    [Fact]
    public void Every_hub_method_is_in_the_matrix()
    {
        foreach (var (hub, kind) in new[] { (typeof(ForumHub), "hub"), (typeof(Tables.Web.Features.Live.LiveHub), "live") })
        {
            var methods = hub.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
                .Select(m => m.Name).ToHashSet();
            var listed = AccessMatrix.Load().Rows.Where(r => r.Kind == kind).Select(r => r.Endpoint).ToHashSet();
            Assert.True(methods.SetEquals(listed), $"{hub.Name} methods {string.Join(", ", methods)} vs matrix {string.Join(", ", listed)}");
        }
    }

    public static TheoryData<string> RowNames() => [.. AccessMatrix.Load().Rows.Select(r => $"{r.Kind} {r.Endpoint}")];

    [Theory]
    [MemberData(nameof(RowNames))]
    public async Task Each_role_gets_what_the_matrix_says(string row)
    {
        var entry = AccessMatrix.Load().Rows.Single(r => $"{r.Kind} {r.Endpoint}" == row);
        var leaks = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var expected = entry.Answers[i];
            if (expected == '-')
            {
                continue;
            }
            var allowed = entry.Kind is "hub" or "live" ? await app.CallHubAsync(Roles[i], entry) : await app.CallHttpAsync(Roles[i], entry);
            if (allowed != (expected == 'y'))
            {
                leaks.Add($"{Roles[i]}: expected {(expected == 'y' ? "allowed" : "refused")}, was {(allowed ? "allowed" : "refused")}");
            }
        }
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    /// <summary>The app with a second (private) table, a live forum with ideas and ballots, and a client per role.</summary>
    public sealed class App : TablesAppFactory, IAsyncLifetime
    {
        private readonly Dictionary<string, HttpClient> _http = [];
        private readonly Dictionary<string, HubConnection> _hubs = [];
        private readonly Dictionary<string, string?> _cookies = [];
        private readonly Dictionary<string, string> _values = [];
        private int _n;

        public async ValueTask InitializeAsync()
        {
            await CreateOtherTableAsync("matrice-privee", "outsider@autre.example");
            await using var scope = Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(UserClaims.Administrator, "true")], "test"));
            var access = (await sp.GetRequiredService<TableService>().EnterAsync(admin, "tilleuls"))!;
            var console = sp.GetRequiredService<ForumConsole>();
            var ballots = sp.GetRequiredService<BallotService>();
            var cycle = await sp.GetRequiredService<Tables.Web.Data.TablesDbContext>().Cycles.Where(c => c.TableId == access.Table.Id).OrderByDescending(c => c.Start).FirstAsync();
            var forum = await console.CreateAsync(access, admin, new ForumCreate { CycleId = cycle.Id, Title = "Matrice", StartsAt = DateTime.UtcNow });
            var other = await console.CreateAsync(access, admin, new ForumCreate { CycleId = cycle.Id, Title = "Autre", StartsAt = DateTime.UtcNow });
            await console.OpenAsync(access, admin, forum.Id);
            await console.OpenAsync(access, admin, other.Id);
            await console.SetActivityAsync(access, admin, forum.Id, forum.Activities.Single(a => a.Kind == ActivityKind.Ideas).Id);
            var setup = ForumTestKit.SixOfNine();
            var ballot = await ballots.CreateAsync(access, admin, forum.Id, setup);
            var draft = await ballots.CreateAsync(access, admin, forum.Id, setup);
            var toClose = await ballots.CreateAsync(access, admin, forum.Id, setup);
            await console.OpenBallotAsync(access, admin, ballot.Id);
            await console.OpenBallotAsync(access, admin, toClose.Id);
            var idea = await sp.GetRequiredService<IdeaModeration>().AddPaperIdeaAsync(access, forum.Id, new IdeaEdit { Text = "Idée A" });
            var otherIdea = await sp.GetRequiredService<IdeaModeration>().AddPaperIdeaAsync(access, forum.Id, new IdeaEdit { Text = "Idée B" });
            _values["{cycle}"] = cycle.Id.ToString();
            _values["{closed-ballot}"] = (await sp.GetRequiredService<Tables.Web.Data.TablesDbContext>().Ballots.IgnoreQueryFilters()
                .Where(b => b.Status == Tables.Web.Features.Ballots.BallotStatus.Closed).Select(b => b.Id).FirstAsync()).ToString();
            _values["{forum}"] = forum.Id.ToString();
            _values["{other-forum}"] = other.Id.ToString();
            _values["{code}"] = forum.JoinCode;
            _values["{activity}"] = forum.Activities.Single(a => a.Kind == ActivityKind.Ideas).Id.ToString();
            _values["{ballot}"] = ballot.Id.ToString();
            _values["{draft-ballot}"] = draft.Id.ToString();
            _values["{other-ballot}"] = toClose.Id.ToString();
            _values["{idea}"] = idea.Id.ToString();
            _values["{other-idea}"] = otherIdea.Id.ToString();
            foreach (var (key, value) in await this.PlanValuesAsync())
            {
                _values[key] = value;
            }

            var emails = new Dictionary<string, string?>
            {
                ["anon"] = null, ["participant"] = null, ["partner"] = Partner, ["facilitator"] = Facilitator,
                ["coordinator"] = Coordinator, ["observer"] = Observer, ["outsider"] = "outsider@autre.example",
            };
            foreach (var (role, email) in emails)
            {
                _http[role] = email is null ? this.Client() : await this.SignedInAsync(email);
                _cookies[role] = email is null ? null : await this.SignInCookiesAsync(email);
                var hub = await ConnectAsync(role);
                if (role == "participant")
                {
                    await hub.JoinAsync(new JoinRequest(forum.JoinCode, null, null, null));
                }
                _hubs[role] = hub;
            }
        }

        private async Task<HubConnection> ConnectAsync(string role, string path = "/hubs/forum")
        {
            var cookie = _cookies[role];
            var hub = this.Hub(o =>
            {
                if (cookie is not null)
                {
                    o.Headers["Cookie"] = cookie;
                }
            }, path);
            await hub.StartAsync();
            return hub;
        }

        private async Task<string> FillAsync(string template)
        {
            var text = template.Replace("{n}", Interlocked.Increment(ref _n).ToString(), StringComparison.Ordinal);
            foreach (var (key, value) in _values)
            {
                text = text.Replace(key, value, StringComparison.Ordinal);
            }
            text = await this.FillPortraitAsync(text);
            text = await this.FillNewPriorityAsync(text);
            if (text.Contains("{new-organisation}", StringComparison.Ordinal))
            {
                text = text.Replace("{new-organisation}", (await WithDbAsync(async db =>
                {
                    var o = new Organisation { TableId = db.Tables.Single(t => t.Slug == "tilleuls").Id, Name = $"Jetable {Guid.NewGuid():N}" };
                    db.Organisations.Add(o);
                    await db.SaveChangesAsync();
                    return o.Id;
                })).ToString(), StringComparison.Ordinal);
            }
            if (text.Contains("{new-member}", StringComparison.Ordinal))
            {
                text = text.Replace("{new-member}", (await WithDbAsync(async db =>
                {
                    var user = new TablesUser { UserName = $"{Guid.NewGuid():N}@example.org", Email = $"{Guid.NewGuid():N}@example.org" };
                    db.Users.Add(user);
                    var m = new Membership { TableId = db.Tables.Single(t => t.Slug == "tilleuls").Id, User = user, Role = TableRole.Observer };
                    db.Memberships.Add(m);
                    await db.SaveChangesAsync();
                    return m.Id;
                })).ToString(), StringComparison.Ordinal);
            }
            return text;
        }

        internal async Task<bool> CallHttpAsync(string role, AccessMatrix.Row row)
        {
            var method = row.Endpoint.Split(' ')[0].Split(',')[0];
            using var request = new HttpRequestMessage(new HttpMethod(method), await FillAsync(row.Path));
            if (row.Body.Length > 0)
            {
                request.Content = new StringContent(await FillAsync(row.Body), Encoding.UTF8, "application/json");
            }
            var response = await _http[role].SendAsync(request, Ct);
            if (row.Kind == "page")
            {
                if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found)
                {
                    return !(response.Headers.Location?.OriginalString ?? "").Contains("/account/login", StringComparison.Ordinal);
                }
                // A refusal is said by the status (403 denied or sign in, 404 not found or private), not only by the page's words.
                return response.IsSuccessStatusCode;
            }
            return response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        }

        internal async Task<bool> CallHubAsync(string role, AccessMatrix.Row row)
        {
            using var args = JsonDocument.Parse(await FillAsync(row.Body));
            var values = args.RootElement.EnumerateArray().Select(a => (object?)(a.ValueKind switch
            {
                JsonValueKind.Number => a.GetInt32(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                JsonValueKind.String => a.GetString(),
                _ => a.Clone(),
            })).ToArray();
            // Join and Watch change what a connection is: they get a connection of their own, so the role's shared one
            // stays what it is (a participant stays the only joined one) whatever order the rows run in.
            var own = row.Kind == "live" ? await ConnectAsync(role, "/hubs/live") : row.Endpoint is "Join" or "Watch" ? await ConnectAsync(role) : null;
            try
            {
                await (own ?? _hubs[role]).InvokeByNameAsync(row.Endpoint, typeof(JsonElement), values, Ct);
                return true;
            }
            catch (HubException e)
            {
                return !e.Message.Contains("Réservé à l'animation", StringComparison.Ordinal) && !e.Message.Contains("Rejoignez d'abord", StringComparison.Ordinal)
                    && !e.Message.Contains("Vous ne pouvez pas suivre ceci", StringComparison.Ordinal);
            }
            finally
            {
                if (own is not null)
                {
                    await own.DisposeAsync();
                }
            }
        }

        async ValueTask IAsyncDisposable.DisposeAsync()
        {
            foreach (var hub in _hubs.Values)
            {
                await hub.DisposeAsync();
            }
            foreach (var client in _http.Values)
            {
                client.Dispose();
            }
            await base.DisposeAsync();
        }
    }
}
