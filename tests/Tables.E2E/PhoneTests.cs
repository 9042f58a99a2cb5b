using System.Security.Claims;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;

namespace Tables.E2E;

/// <summary>Participants on their phones: join by code, vote (confirmed only once the server acknowledged), resume after a reload.</summary>
public sealed class PhoneTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(UserClaims.Administrator, "true")], "test"));

    [Fact]
    public async Task Three_phones_join_by_code_vote_and_a_reloaded_phone_still_sees_its_ballot()
    {
        var (code, ballotId) = await OpenForumWithApprovalBallotAsync();
        var phones = new List<IPage>();
        for (var i = 0; i < 3; i++)
        {
            phones.Add(await PhoneAsync());
        }

        // The first phone types the code on /j (lower case, with a space): the form goes on to /j/{CODE}.
        var first = phones[0];
        await first.GotoAsync($"{browser.BaseUrl}/j");
        await first.GetByLabel("Code du forum").FillAsync(code[..3].ToLowerInvariant() + " " + code[3..].ToLowerInvariant());
        await first.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await first.WaitForURLAsync($"{browser.BaseUrl}/j/{code}");
        for (var i = 1; i < phones.Count; i++)
        {
            await phones[i].GotoAsync($"{browser.BaseUrl}/j/{code}");
        }

        // The projector wall follows the room.
        var forumId = await browser.App.WithDbAsync(db => db.Forums.IgnoreQueryFilters().Where(f => f.JoinCode == code).Select(f => f.Id).FirstAsync());
        var wall = await browser.NewPageAsync(1600, 900);
        await wall.GotoAsync($"{browser.BaseUrl}/forums/{forumId}/wall");
        await Assertions.Expect(wall.GetByTestId("wall-code")).ToHaveTextAsync(code);

        // The first phone's acknowledgements are held back: until the server's answer arrives, nothing says "recorded".
        var ackHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseAck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await first.RouteWebSocketAsync(new Regex("/hubs/forum"), ws =>
        {
            var server = ws.ConnectToServer();
            ws.OnMessage(frame => server.Send(frame.Text ?? ""));
            server.OnMessage(async frame =>
            {
                if (frame.Text is { } text && text.Contains("\"outcome\"", StringComparison.Ordinal))
                {
                    ackHeld.TrySetResult();
                    await releaseAck.Task;
                }
                ws.Send(frame.Text ?? "");
            });
        });
        await first.ReloadAsync();

        string[][] choices = [["Logement abordable", "Verdissement"], ["Verdissement"], ["Santé mentale", "Emploi local", "Verdissement"]];
        for (var i = 0; i < phones.Count; i++)
        {
            var phone = phones[i];
            await phone.GetByLabel("Votre nom (facultatif)").FillAsync($"Voisin {i + 1}");
            await phone.GetByLabel("Votre groupe (facultatif)").SelectOptionAsync("Résident·e");
            await phone.GetByRole(AriaRole.Button, new() { Name = "Participer" }).ClickAsync();
            await Assertions.Expect(phone.Locator("#me")).ToHaveTextAsync($"Vous participez sous le nom Voisin {i + 1}.");
            await Assertions.Expect(phone.GetByRole(AriaRole.Group, new() { Name = "Quelles priorités pour le quartier ?" })).ToBeVisibleAsync();
            foreach (var choice in choices[i])
            {
                await phone.GetByLabel(choice).CheckAsync();
            }
            await Assertions.Expect(phone.Locator("#ballot-status")).ToHaveTextAsync("Modifications pas encore envoyées.");
            await phone.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon vote" }).ClickAsync();
            if (i == 0)
            {
                await Assertions.Expect(phone.Locator("#ballot-status")).ToHaveTextAsync("Envoi en cours…");
                // The server has answered (its acknowledgement is held on the way): the phone still does not say "recorded".
                await ackHeld.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
                Assert.Equal("Envoi en cours…", (await phone.Locator("#ballot-status").TextContentAsync())?.Trim());
                releaseAck.SetResult();
            }
            await Assertions.Expect(phone.Locator("#ballot-status")).ToContainTextAsync("Votre vote est enregistré.");
            // Acknowledged means stored: the vote is in the database by the time the phone says so.
            Assert.Equal(i + 1, await VotesAsync(ballotId));
        }
        Assert.Equal(3, await VotesAsync(ballotId));
        await Assertions.Expect(wall.GetByTestId("wall-cast")).ToHaveTextAsync("3");
        await Assertions.Expect(wall.GetByTestId("wall-participants")).ToHaveTextAsync("3");

        // A reload (or a dropped Wi-Fi) resumes the same participant with the token kept on the phone.
        var reloaded = phones[2];
        await reloaded.ReloadAsync();
        await Assertions.Expect(reloaded.Locator("#me")).ToHaveTextAsync("Vous participez sous le nom Voisin 3.");
        await Assertions.Expect(reloaded.Locator("#join")).ToBeHiddenAsync();
        await Assertions.Expect(reloaded.Locator("#ballot-status")).ToContainTextAsync("Votre vote est enregistré.");
        foreach (var option in new[] { "Santé mentale", "Emploi local", "Verdissement" })
        {
            await Assertions.Expect(reloaded.GetByLabel(option)).ToBeCheckedAsync();
        }
        await Assertions.Expect(reloaded.GetByLabel("Logement abordable")).Not.ToBeCheckedAsync();
        await Assertions.Expect(reloaded.GetByRole(AriaRole.Button, new() { Name = "Modifier mon vote" })).ToBeVisibleAsync();

        // Changing the ballot replaces it: still three votes.
        await reloaded.GetByLabel("Emploi local").UncheckAsync();
        await reloaded.GetByRole(AriaRole.Button, new() { Name = "Modifier mon vote" }).ClickAsync();
        await Assertions.Expect(reloaded.Locator("#ballot-status")).ToContainTextAsync("Votre vote est enregistré.");
        Assert.Equal(3, await VotesAsync(ballotId));
        Assert.Equal(3, await browser.App.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.IgnoreQueryFilters().Where(f => f.JoinCode == code).Select(f => f.Id).FirstAsync();
            return await db.Participants.CountAsync(p => p.ForumId == forumId);
        }));

        await reloaded.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/phone.png", FullPage = true });
        await reloaded.ScreenshotAsync("phone-voted");
    }

    [Fact]
    public async Task Phone_pages_have_no_serious_or_critical_violation()
    {
        var (code, _) = await OpenForumWithApprovalBallotAsync();
        var page = await PhoneAsync();
        var problems = new List<string>();
        await page.GotoAsync($"{browser.BaseUrl}/j");
        problems.AddRange(await SeriousAsync(page, "/j"));
        await page.GotoAsync($"{browser.BaseUrl}/j/{code}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Participer" })).ToBeVisibleAsync();
        problems.AddRange(await SeriousAsync(page, "/j/{code} (join)"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Participer" }).ClickAsync();
        await page.GetByLabel("Verdissement").CheckAsync();
        problems.AddRange(await SeriousAsync(page, "/j/{code} (ballot)"));
        await page.GotoAsync($"{browser.BaseUrl}/j/XXXXXX");
        problems.AddRange(await SeriousAsync(page, "/j/XXXXXX"));
        await page.ScreenshotAsync("phone-unknown-code");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public static TheoryData<string> Methods => ["cumulative", "majority-judgment", "irv", "schulze", "score", "plurality"];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Each_method_has_its_form_and_is_recorded_once_acknowledged(string method)
    {
        var setup = new BallotSetup
        {
            Question = "Quel projet pour la ruelle?",
            // The theory names methods by their tokens, as the phone page and the screenshots do.
            Method = Tables.Voting.VotingMethods.Parse(method),
            Settings = method switch
            {
                "cumulative" => new BallotSettings { MaxPoints = 5, MaxPerOption = 3 },
                "score" or "majority-judgment" => new BallotSettings { MaxScore = 5 },
                _ => new BallotSettings(),
            },
            Options = ["Ruelle verte", "Jeux d'eau", "Marché du samedi"],
            Visibility = method == "cumulative" ? ResultVisibility.Live : ResultVisibility.AfterClose,
        };
        var (code, ballotId) = await OpenForumWithBallotAsync(setup);
        var page = await PhoneAsync();
        await page.GotoAsync($"{browser.BaseUrl}/j/{code}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Participer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Quel projet pour la ruelle?" })).ToBeVisibleAsync();
        switch (method)
        {
            case "cumulative":
                await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un point à Ruelle verte" }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un point à Ruelle verte" }).ClickAsync();
                var water = page.GetByRole(AriaRole.Spinbutton, new() { Name = "Jeux d'eau" });
                await water.FillAsync("9");
                await water.BlurAsync();
                await Assertions.Expect(water).ToHaveValueAsync("3");
                await Assertions.Expect(page.GetByText("Points restants : 0")).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un point à Marché du samedi" })).ToBeDisabledAsync();
                break;
            case "majority-judgment":
                await page.GetByRole(AriaRole.Group, new() { Name = "Ruelle verte" }).GetByLabel("Très bien").CheckAsync();
                await page.GetByRole(AriaRole.Group, new() { Name = "Jeux d'eau" }).GetByLabel("Passable").CheckAsync();
                await page.GetByRole(AriaRole.Group, new() { Name = "Marché du samedi" }).GetByLabel("À rejeter").CheckAsync();
                break;
            case "score":
                await page.GetByRole(AriaRole.Group, new() { Name = "Ruelle verte" }).GetByLabel("4").CheckAsync();
                break;
            case "irv":
                await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter Jeux d'eau au classement" }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter Ruelle verte au classement" }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Monter Ruelle verte" }).ClickAsync();
                await Assertions.Expect(page.Locator(".ranking li")).ToHaveCountAsync(2);
                await Assertions.Expect(page.Locator(".ranking li").First).ToContainTextAsync("Ruelle verte");
                break;
            case "schulze":
                await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter Marché du samedi au classement" }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter Ruelle verte au classement" }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter Jeux d'eau au classement" }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Jeux d'eau à égalité avec Ruelle verte" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Jeux d'eau à égalité avec Ruelle verte" })).ToHaveAttributeAsync("aria-pressed", "true");
                await Assertions.Expect(page.Locator(".ranking li .rank")).ToHaveTextAsync(["1", "2", "2"]);
                break;
            default:
                await page.GetByLabel("Marché du samedi").CheckAsync();
                break;
        }
        var problems = (await SeriousAsync(page, method)).ToList();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon vote" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ballot-status")).ToContainTextAsync("Votre vote est enregistré.");
        var stored = await browser.App.WithDbAsync(db => db.Votes.AsNoTracking().SingleAsync(v => v.BallotId == ballotId));
        switch (method)
        {
            case "cumulative":
                Assert.Equal(new Dictionary<string, int> { ["A"] = 2, ["B"] = 3 }, stored.Content.Values);
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Résultats" })).ToBeVisibleAsync();
                break;
            case "majority-judgment":
                Assert.Equal(new Dictionary<string, int> { ["A"] = 5, ["B"] = 2, ["C"] = 0 }, stored.Content.Values);
                break;
            case "score":
                Assert.Equal(new Dictionary<string, int> { ["A"] = 4 }, stored.Content.Values);
                break;
            case "irv":
                Assert.Equal([["A"], ["B"]], stored.Content.Ranking!);
                break;
            case "schulze":
                Assert.Equal([["C"], ["A", "B"]], stored.Content.Ranking!);
                break;
            default:
                Assert.Equal(new Dictionary<string, int> { ["C"] = 1 }, stored.Content.Values);
                break;
        }
        await page.ScreenshotAsync("phone-" + method);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<IEnumerable<string>> SeriousAsync(IPage page, string name)
    {
        await page.Locator("h1").First.WaitForAsync();
        await page.ScreenshotAsync("phone-axe-" + string.Concat(name.Where(char.IsLetterOrDigit)));
        var result = await page.RunAxe();
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
    }

    /// <summary>A phone-sized touch browser context of its own (its own localStorage: its own participant).</summary>
    private async Task<IPage> PhoneAsync()
    {
        if (browser.Browser is null)
        {
            await browser.NewPageAsync(); // skips (or fails under CI) with the reason
        }
        var context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 375, Height = 667 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
            Locale = "fr-CA",
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"[phone {message.Type}] {message.Text}");
            }
        };
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>A new open forum of the sample table, its vote activity current with an open approval ballot (up to 6 of 9).</summary>
    private Task<(string Code, int BallotId)> OpenForumWithApprovalBallotAsync() => OpenForumWithBallotAsync(ForumTestKit.SixOfNine());

    private async Task<(string Code, int BallotId)> OpenForumWithBallotAsync(BallotSetup setup)
    {
        if (browser.Browser is null)
        {
            await browser.NewPageAsync();
        }
        await using var scope = browser.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var access = (await sp.GetRequiredService<TableService>().EnterAsync(Admin, "tilleuls"))!;
        var db = sp.GetRequiredService<TablesDbContext>();
        var cycle = await db.Cycles.Where(c => c.TableId == access.Table.Id).OrderByDescending(c => c.Start).FirstAsync();
        var console = sp.GetRequiredService<ForumConsole>();
        var ballots = sp.GetRequiredService<BallotService>();
        var forum = await console.CreateAsync(access, Admin, new ForumCreate { CycleId = cycle.Id, Title = "Forum du parc", StartsAt = DateTime.UtcNow, Place = "Chalet du parc" });
        await console.OpenAsync(access, Admin, forum.Id);
        var vote = forum.Activities.First(a => a.Kind == ActivityKind.Vote);
        var ballot = await ballots.CreateAsync(access, Admin, forum.Id, setup, vote.Id);
        await console.OpenBallotAsync(access, Admin, ballot.Id);
        await console.SetActivityAsync(access, Admin, forum.Id, vote.Id);
        return (forum.JoinCode, ballot.Id);
    }

    [Fact]
    public async Task With_two_questions_open_a_phone_switches_and_votes_on_each()
    {
        var ct = TestContext.Current.CancellationToken;
        var (code, first) = await OpenForumWithApprovalBallotAsync();
        int second;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var access = (await sp.GetRequiredService<TableService>().EnterAsync(Admin, "tilleuls", ct))!;
            var console = sp.GetRequiredService<ForumConsole>();
            var ballots = sp.GetRequiredService<BallotService>();
            var forumId = await sp.GetRequiredService<TablesDbContext>().Forums.Where(f => f.JoinCode == code).Select(f => f.Id).FirstAsync(ct);
            var other = await ballots.CreateAsync(access, Admin, forumId, new BallotSetup
            {
                Question = "Quel jour pour la fête?", Method = Tables.Voting.VotingMethod.Plurality, Options = ["Samedi", "Dimanche"],
            }, null, ct);
            await console.OpenBallotAsync(access, Admin, other.Id, ct);
            second = other.Id;
        }
        var page = await PhoneAsync();
        await page.GotoAsync($"{browser.BaseUrl}/j/{code}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Participer" }).ClickAsync();

        // The question of the current step comes first; the other one is a tap away.
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Quelles priorités pour le quartier ?" })).ToBeVisibleAsync();
        await page.GetByLabel("Verdissement").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon vote" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ballot-status")).ToContainTextAsync("Votre vote est enregistré.");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Autres votes ouverts" }).GetByRole(AriaRole.Button, new() { Name = "Quel jour pour la fête?" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Quel jour pour la fête?" })).ToBeVisibleAsync();
        await page.GetByLabel("Dimanche").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon vote" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ballot-status")).ToContainTextAsync("Votre vote est enregistré.");

        Assert.Equal(1, await VotesAsync(first));
        Assert.Equal(new Dictionary<string, int> { ["B"] = 1 },
            (await browser.App.WithDbAsync(db => db.Votes.AsNoTracking().SingleAsync(v => v.BallotId == second))).Content.Values);
        var problems = (await SeriousAsync(page, "two-ballots")).ToList();
        await page.ScreenshotAsync("phone-two-ballots");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private Task<int> VotesAsync(int ballotId) => browser.App.WithDbAsync(db => db.Votes.CountAsync(v => v.BallotId == ballotId));
}
