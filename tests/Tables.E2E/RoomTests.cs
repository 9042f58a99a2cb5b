using Tables.Voting;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;

namespace Tables.E2E;

/// <summary>
/// A forum the way a room uses it: a facilitator (console in French, and in English beside it), the wall at two
/// projector sizes, two phones of 320 and 390 px. Every step saves the screens (<see cref="Room.Folder"/>) and checks
/// what a person would see: the wall never scrolls, phones never scroll sideways, messages say what to do.
/// </summary>
public sealed class RoomTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string LongIdea = "Aménager la ruelle derrière l'école en ruelle verte et sécuritaire, avec des bacs de plantation entretenus par les "
        + "familles, un passage piéton éclairé le soir, des bancs pour les aînés, des supports à vélos, un coin de jeux libres pour les enfants "
        + "du quartier et une signalisation qui ralentit les voitures; voir https://montreal.example/ruelles-vertes/guide-d-amenagement-citoyen-2027.";

    [Fact]
    public async Task A_room_joins_proposes_votes_yes_no_in_one_click_and_the_forum_closes_with_a_ballot_open()
    {
        await using var room = await Room.OpenAsync(browser, "Forum de la ruelle");
        await room.RecordingFailuresAsync(() => ARoomAsync(room));
    }

    private async Task ARoomAsync(Room room)
    {
        var console = room.Console;
        var code = room.Forum.JoinCode;
        foreach (var phone in room.Phones)
        {
            await phone.GotoAsync($"{room.BaseUrl}/j/{code}");
        }
        await Assertions.Expect(room.Phone320.GetByTestId("phone-not-open")).ToBeVisibleAsync();
        await room.ShootAsync("draft");

        // The facilitator opens the forum: the wall shows how to join, the QR code a quarter of the screen or more.
        await console.GetByTestId("forum-open").ClickAsync();
        await Assertions.Expect(console.GetByTestId("forum-status")).ToContainTextAsync("Ouvert");
        foreach (var wall in room.Walls)
        {
            await Assertions.Expect(wall.GetByTestId("wall-code")).ToHaveTextAsync(code);
            await Room.AssertBigQrAsync(wall);
            await Room.AssertFitsAsync(wall);
        }
        // Phones that scanned the code early open the forum by themselves (the waiting page asks again every few seconds).
        foreach (var phone in room.Phones)
        {
            await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Participer" }))
                .ToBeVisibleAsync(new() { Timeout = (Tables.Web.Components.Pages.Phone.PhonePage.DraftRefreshSeconds + 5) * 1000 });
        }
        string[] names = ["Amina", "Jean-François"];
        for (var i = 0; i < 2; i++)
        {
            var phone = room.Phones[i];
            await phone.GetByLabel("Votre nom (facultatif)").FillAsync(names[i]);
            await phone.GetByLabel("Votre groupe (facultatif)").SelectOptionAsync("Résident·e");
            await phone.GetByRole(AriaRole.Button, new() { Name = "Participer" }).ClickAsync();
            await Assertions.Expect(phone.Locator("#me")).ToContainTextAsync(names[i]);
        }
        foreach (var wall in room.Walls)
        {
            await Assertions.Expect(wall.GetByTestId("wall-participants")).ToHaveTextAsync("2");
        }
        await AssertNoSeriousAsync(room.SmallWall, "wall (join)");
        await room.ShootAsync("joined");

        // Idea collection: a phone's empty idea and a 10,000-character paste are refused with a word, never sent or cut.
        await MoveToAsync(console, "Ideas");
        await FollowAsync(room, p => p.GetByLabel("Votre idée"));
        var small = room.Phone320;
        await small.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'idée" }).ClickAsync();
        await Assertions.Expect(small.Locator("#idea-error")).ToHaveTextAsync("Écrivez votre idée avant de l'envoyer.");
        await small.GetByLabel("Votre idée").FillAsync(new string('x', 10_000));
        await Assertions.Expect(small.Locator("#idea-error")).ToContainTextAsync(new Regex(@"celle-ci en a 10\s000\."));
        Assert.Equal(10_000, (await small.GetByLabel("Votre idée").InputValueAsync()).Length);
        await small.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'idée" }).ClickAsync();
        Assert.Equal(0, await IdeasAsync(room));
        await Room.AssertNoSidewaysScrollAsync(small);
        await room.ShootAsync("idea-too-long");

        await SubmitIdeaAsync(small, LongIdea);
        foreach (var idea in new[] { "Un marché fermier le samedi", "Des jeux d'eau au parc", "Plus d'arbres sur la rue Masson" })
        {
            await SubmitIdeaAsync(room.Phone390, idea);
        }
        await console.GetByRole(AriaRole.Tab, new() { Name = "Idées" }).ClickAsync();
        await console.GetByTestId("paper-idea-text").FillAsync("Une fête de ruelle en juin");
        await console.GetByTestId("paper-idea-submit").ClickAsync();
        await Assertions.Expect(console.GetByTestId("console-idea")).ToHaveCountAsync(5);
        foreach (var wall in room.Walls)
        {
            await Assertions.Expect(wall.GetByTestId("wall-idea")).ToHaveCountAsync(5);
            await Room.AssertFitsAsync(wall);
        }
        foreach (var phone in room.Phones)
        {
            await Room.AssertNoSidewaysScrollAsync(phone);
        }
        await AssertNoSeriousAsync(room.Wall, "wall (ideas)");
        await AssertNoSeriousAsync(console, "console (ideas)");
        await room.ShootAsync("ideas");

        // A ballot from three ideas, one of them too long for an option: the form says which line, the facilitator shortens it there.
        foreach (var text in new[] { "Aménager la ruelle", "Un marché fermier", "Des jeux d'eau" })
        {
            await console.GetByTestId("console-idea").Filter(new() { HasText = text }).GetByRole(AriaRole.Checkbox).CheckAsync();
        }
        await console.GetByTestId("ballot-from-ideas").ClickAsync();
        await Assertions.Expect(console.GetByTestId("ballot-option-row")).ToHaveCountAsync(3);
        await console.GetByTestId("ballot-question").FillAsync("Quel projet pour l'été?");
        await console.GetByTestId("ballot-create").ClickAsync();
        await Assertions.Expect(console.GetByTestId("form-errors")).ToContainTextAsync("Option 1");
        await Assertions.Expect(console.GetByTestId("form-errors")).ToContainTextAsync("200 caractères au plus");
        await room.ShootAsync("ballot-long-idea");
        await console.GetByTestId("ballot-option-1").FillAsync("Une ruelle verte et sécuritaire");
        await console.GetByTestId("ballot-create").ClickAsync();
        await Assertions.Expect(console.GetByTestId("console-ballot")).ToHaveCountAsync(1);
        var ballot = await room.WithBallotAsync("Quel projet pour l'été?");
        Assert.Equal("Une ruelle verte et sécuritaire", ballot.Options[0].Label);
        Assert.NotNull(ballot.Options[0].IdeaId);

        await MoveToAsync(console, "Vote");
        await console.GetByTestId("ballot-open").ClickAsync();
        await Assertions.Expect(console.GetByTestId("ballot-status")).ToHaveTextAsync("ouvert");
        await FollowAsync(room, p => p.GetByRole(AriaRole.Group, new() { Name = "Quel projet pour l'été?" }));
        foreach (var wall in room.Walls)
        {
            await Assertions.Expect(wall.GetByRole(AriaRole.Heading, new() { Name = "Quel projet pour l'été?" })).ToBeVisibleAsync();
            await Room.AssertFitsAsync(wall);
        }
        await VoteAsync(small, "Une ruelle verte et sécuritaire", "Des jeux d'eau au parc");
        await room.ShootAsync("vote");

        // The phone loses the Wi-Fi: it says so, marks what it shows as possibly stale, and cannot send; back, it says so.
        var big = room.Phone390;
        await big.Context.SetOfflineAsync(true);
        await Assertions.Expect(big.Locator("#phone-offline")).ToBeVisibleAsync();
        await Assertions.Expect(big.Locator("#phone")).ToHaveClassAsync(new Regex("stale"));
        await Assertions.Expect(big.Locator("#ballot-submit")).ToBeDisabledAsync();
        await room.ShootAsync("phone-offline");
        await big.Context.SetOfflineAsync(false);
        await Assertions.Expect(big.Locator("#phone-offline")).ToBeHiddenAsync();
        await Assertions.Expect(big.Locator("#phone-status")).ToHaveTextAsync("De retour en ligne; la page est à jour.");
        await VoteAsync(big, "Un marché fermier le samedi");

        // A yes/no question in one click: no settings, opened on every phone at once.
        await console.GetByRole(AriaRole.Tab, new() { Name = "Scrutins" }).ClickAsync();
        await console.GetByTestId("quick-question").FillAsync("On garde la fête de ruelle en juin?");
        await console.GetByTestId("quick-ballot").ClickAsync();
        await Assertions.Expect(console.GetByTestId("console-ballot").Filter(new() { HasText = "On garde la fête de ruelle en juin?" })
            .GetByTestId("ballot-status")).ToHaveTextAsync("ouvert");
        var yesNo = await room.WithBallotAsync("On garde la fête de ruelle en juin?");
        Assert.Equal((VotingMethod.Plurality, BallotStatus.Open), (yesNo.Method, yesNo.Status));
        Assert.Equal(["Oui", "Non", "Abstention"], yesNo.Options.Select(o => o.Label));
        // The step's own question stays in front; the new one is a tap away.
        await FollowAsync(room, p => p.GetByRole(AriaRole.Navigation, new() { Name = "Autres votes ouverts" }).GetByRole(AriaRole.Button, new() { Name = "On garde la fête de ruelle en juin?" }));
        await small.GetByRole(AriaRole.Navigation, new() { Name = "Autres votes ouverts" }).GetByRole(AriaRole.Button, new() { Name = "On garde la fête de ruelle en juin?" }).ClickAsync();
        await Assertions.Expect(small.GetByRole(AriaRole.Group, new() { Name = "On garde la fête de ruelle en juin?" })).ToBeVisibleAsync();
        await VoteAsync(small, "Oui");
        foreach (var wall in room.Walls)
        {
            await Room.AssertFitsAsync(wall);
        }
        await AssertNoSeriousAsync(console, "console (two ballots open)");
        await AssertNoSeriousAsync(small, "phone (yes/no)");
        await room.ShootAsync("yes-no");

        // Closing the forum with both ballots open: the dialog names them; both are closed and counted; nothing more is taken.
        await console.GetByTestId("forum-close").ClickAsync();
        var dialog = console.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Ces 2 scrutins encore ouverts seront fermés");
        await Assertions.Expect(dialog).ToContainTextAsync("On garde la fête de ruelle en juin?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Clore le forum" }).ClickAsync();
        await Assertions.Expect(console.GetByTestId("forum-status")).ToContainTextAsync("Clos");
        await Assertions.Expect(console.GetByTestId("ballot-status")).ToHaveTextAsync(["fermé", "fermé"]);
        await Assertions.Expect(console.GetByTestId("quick-ballot")).ToHaveCountAsync(0);
        await Assertions.Expect(console.GetByTestId("ballot-open")).ToHaveCountAsync(0);
        await Assertions.Expect(console.GetByRole(AriaRole.Tab, new() { Name = "Nouveau scrutin" })).ToHaveCountAsync(0);
        await console.GetByRole(AriaRole.Tab, new() { Name = "Idées" }).ClickAsync();
        await Assertions.Expect(console.GetByTestId("paper-idea-text")).ToHaveCountAsync(0);
        await console.GetByRole(AriaRole.Tab, new() { Name = "Scrutins" }).ClickAsync();
        var closed = await browser.App.WithDbAsync(db => db.Ballots.Where(b => b.ForumId == room.Forum.Id).ToListAsync());
        Assert.All(closed, b => Assert.True(b.Status == BallotStatus.Closed && b.ResultJson is not null && b.Seed is not null));
        foreach (var wall in room.Walls)
        {
            await Assertions.Expect(wall.GetByTestId("wall-ballot")).ToHaveCountAsync(2);
            await Assertions.Expect(wall.GetByTestId("result-bars").First).ToBeVisibleAsync();
            await Assertions.Expect(wall.Locator("[data-page-of]")).ToHaveTextAsync(new Regex("^[12] / 2$"));
            await Room.AssertFitsAsync(wall);
        }
        // The result comes first on the phone; the ballot itself is folded under it.
        await FollowAsync(room, p => p.Locator("#forum-ended"));
        foreach (var phone in room.Phones)
        {
            await Assertions.Expect(phone.Locator("#ballot-results h3")).ToHaveTextAsync("Résultat");
            var order = await phone.EvaluateAsync<double[]>("() => ['#ballot-results', '.closed-ballot'].map(s => document.querySelector(s).getBoundingClientRect().top)");
            Assert.True(order[0] < order[1], "the result is above the closed ballot");
            await Room.AssertNoSidewaysScrollAsync(phone);
        }
        await AssertNoSeriousAsync(room.Wall, "wall (results)");
        await AssertNoSeriousAsync(small, "phone (closed)");
        await room.ShootAsync("closed");
    }

    [Fact]
    public async Task A_ranked_ballot_with_long_words_fits_a_320_px_phone_and_its_add_buttons_keep_their_word()
    {
        await using var room = await Room.OpenAsync(browser, "Forum des longs mots");
        await room.RecordingFailuresAsync(async () =>
        {
            await room.InTableAsync(async (sp, access) =>
            {
                var console = sp.GetRequiredService<ForumConsole>();
                await console.OpenAsync(access, TablesAppFactory.Admin, room.Forum.Id);
                var ballot = await sp.GetRequiredService<BallotService>().CreateAsync(access, TablesAppFactory.Admin, room.Forum.Id, new BallotSetup
                {
                    Question = "Quel aménagement pour https://montreal.example/arrondissements/rosemont-la-petite-patrie/ruelles?",
                    Method = VotingMethod.InstantRunoff,
                    Options = ["Anticonstitutionnellement-réaménagée", "https://ruelles.example/propositions/2027/verdissement-participatif", "Jeux d'eau"],
                });
                await console.OpenBallotAsync(access, TablesAppFactory.Admin, ballot.Id);
            });
            var phone = room.Phone320;
            await phone.GotoAsync($"{room.BaseUrl}/j/{room.Forum.JoinCode}");
            await phone.GetByRole(AriaRole.Button, new() { Name = "Participer" }).ClickAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Ajouter Jeux d'eau au classement" })).ToBeVisibleAsync();

            await Room.AssertNoSidewaysScrollAsync(phone);
            var cut = await phone.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('.unranked .phone-button')).filter(b => b.scrollWidth > b.clientWidth).length");
            Assert.Equal(0, cut);
            await phone.GetByRole(AriaRole.Button, new() { Name = "Ajouter Jeux d'eau au classement" }).ClickAsync();
            await phone.Locator("#ballot-submit").ClickAsync();
            await Assertions.Expect(phone.Locator("#ballot-status")).ToContainTextAsync("Votre vote est enregistré.");
            await Room.AssertNoSidewaysScrollAsync(phone);
            Directory.CreateDirectory(Room.Folder);
            await phone.ScreenshotAsync(new() { Path = Path.Combine(Room.Folder, "ranked-long-words-phone-320.png"), FullPage = true });
        });
    }

    /// <summary>Every phone follows a change of the room by itself, without a reload, within 2 s (issue #11).</summary>
    private static async Task FollowAsync(Room room, Func<IPage, ILocator> sign)
    {
        foreach (var phone in room.Phones)
        {
            await Assertions.Expect(sign(phone)).ToBeVisibleAsync(new() { Timeout = 2000 });
        }
    }

    /// <summary>Makes a step current and waits until the console shows it so (the server has it).</summary>
    private static async Task MoveToAsync(IPage console, string kind)
    {
        await console.GetByTestId($"activity-{kind}").ClickAsync();
        await Assertions.Expect(console.Locator(".agenda li[aria-current=step]")).ToHaveCountAsync(1);
        await Assertions.Expect(console.GetByTestId($"activity-{kind}")).ToHaveCountAsync(0);
    }

    private static async Task SubmitIdeaAsync(IPage phone, string idea)
    {
        await phone.GetByLabel("Votre idée").FillAsync(idea);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'idée" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#idea-status")).ToHaveTextAsync("Idée reçue. Merci!");
        await Assertions.Expect(phone.Locator("#my-ideas")).ToContainTextAsync(idea[..20]);
    }

    private static async Task VoteAsync(IPage phone, params string[] choices)
    {
        foreach (var choice in choices)
        {
            await phone.GetByLabel(choice, new() { Exact = true }).CheckAsync();
        }
        await phone.Locator("#ballot-submit").ClickAsync();
        await Assertions.Expect(phone.Locator("#ballot-status")).ToContainTextAsync("Votre vote est enregistré.");
    }

    private Task<int> IdeasAsync(Room room) => browser.App.WithDbAsync(db => db.Ideas.CountAsync(i => i.ForumId == room.Forum.Id));

    private static async Task AssertNoSeriousAsync(IPage page, string name)
    {
        // Snackbars fade in and out: axe measures their colours mid-fade (settled, they pass); they are left out.
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunContext { Exclude = [new Deque.AxeCore.Commons.AxeSelector(".mud-snackbar")] });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
