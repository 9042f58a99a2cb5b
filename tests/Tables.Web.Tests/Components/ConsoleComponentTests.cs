using System.Globalization;
using System.Text.Json;
using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Tables.Voting;
using Tables.Web.Components.Forums;
using Tables.Web.Components.Priorities;
using Tables.Web.Components.Shared;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Localization;
using Tables.Web.Features.Priorities;
using Ballot = Tables.Web.Features.Ballots.Ballot;

namespace Tables.Web.Tests.Components;

/// <summary>The console's forms and cards: failures at their field and on top, defaults that fit, the kept options marked.</summary>
public sealed class ConsoleComponentTests : ForumComponentContext
{
    public ConsoleComponentTests()
    {
        Services.AddSingleton<IValidator<BallotSetup>, BallotSetupValidator>();
        Services.AddSingleton<IValidator<IdeaEdit>, IdeaEditValidator>();
        ValidationMessages.Use();
    }

    [Fact]
    public void A_ballot_from_a_long_idea_names_its_line_and_keeps_the_idea_once_shortened_there()
    {
        BallotSetup? submitted = null;
        var long386 = "Aménager la ruelle " + new string('r', 367);
        var form = Render<BallotSetupForm>(p => p
            .Add(c => c.Model, new BallotSetup { Question = "Quel projet?", Options = [long386, "Un marché"], IdeaIds = [41, 42] })
            .Add(c => c.IdeaTexts, new Dictionary<int, string> { [41] = long386, [42] = "Un marché" })
            .Add(c => c.Submit, s =>
            {
                submitted = s;
                return Task.CompletedTask;
            }));

        form.Find("form").Submit();

        Assert.Null(submitted);
        var row = form.FindAll("[data-testid=ballot-option-row]")[0];
        Assert.Contains("Option 1\u00a0: 200 caractères au plus (elle en a 386)", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Option 1", form.Find("[data-testid=form-errors]").TextContent, StringComparison.Ordinal);
        Assert.Contains("D'après l'idée n°\u00a041", row.TextContent, StringComparison.Ordinal);

        form.Find("[data-testid=ballot-option-1]").Input("Une ruelle verte");
        form.Find("form").Submit();

        Assert.NotNull(submitted);
        Assert.Equal(["Une ruelle verte", "Un marché"], submitted.Options);
        Assert.Equal([41, 42], submitted.IdeaIds!.Select(i => i!.Value));
        Assert.Empty(form.FindAll("[data-testid=form-errors]"));
    }

    [Fact]
    public void Two_options_and_the_default_settings_make_a_ballot_without_touching_anything_else()
    {
        BallotSetup? submitted = null;
        var form = Render<BallotSetupForm>(p => p.Add(c => c.Model, new BallotSetup())
            .Add(c => c.Submit, s =>
            {
                submitted = s;
                return Task.CompletedTask;
            }));

        form.Find("[data-testid=ballot-question] input, input[data-testid=ballot-question]").Change("On garde la fête?");
        form.Find("textarea[data-testid=ballot-options], [data-testid=ballot-options] textarea").Change("Oui\nNon");
        form.Find("form").Submit();

        Assert.NotNull(submitted);
        Assert.Equal((VotingMethod.Approval, (int?)null), (submitted.Method, submitted.Settings.MaxChoices));
    }

    [Fact]
    public void The_yes_no_question_asks_for_its_question_and_then_sends_oui_non_abstention()
    {
        BallotSetup? submitted = null;
        var form = Render<QuickBallotForm>(p => p.Add(c => c.Submit, s =>
        {
            submitted = s;
            return Task.CompletedTask;
        }));

        form.Find("form").Submit();
        Assert.Null(submitted);
        Assert.Contains("Remplissez «\u00a0Question\u00a0».", form.Find("[data-testid=form-errors]").TextContent, StringComparison.Ordinal);

        form.Find("input[data-testid=quick-question], [data-testid=quick-question] input").Change("On garde la fête de ruelle?");
        form.Find("form").Submit();

        Assert.NotNull(submitted);
        Assert.Equal((VotingMethod.Plurality, "On garde la fête de ruelle?"), (submitted.Method, submitted.Question));
        Assert.Equal(["Oui", "Non", "Abstention"], submitted.Options);
    }

    [Fact]
    public void A_paper_idea_says_it_is_empty_or_too_long_at_its_field_and_is_not_cut()
    {
        var sent = 0;
        var form = Render<IdeaForm>(p => p.Add(c => c.Model, new IdeaEdit()).Add(c => c.FormName, "paper-idea").Add(c => c.Label, "Idée")
            .Add(c => c.SubmitText, "Ajouter").Add(c => c.Submit, _ =>
            {
                sent++;
                return Task.CompletedTask;
            }));

        form.Find("form").Submit();
        Assert.Contains("Écrivez l'idée avant de l'envoyer.", form.Markup, StringComparison.Ordinal);

        form.Find("[data-testid=paper-idea-text]").Input(new string('x', 600));
        form.Find("form").Submit();

        Assert.Equal(0, sent);
        Assert.Contains("celle-ci en a 600", form.Find("[data-testid=form-errors]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_six_of_nine_ballot_marks_its_six_kept_options_and_ticks_those_not_yet_priorities()
    {
        var ballot = new Ballot
        {
            Id = 7, Question = "Quelles 6 priorités?", Method = VotingMethod.Approval, Status = BallotStatus.Closed, Settings = new() { MaxChoices = 6 },
            Options = [.. "ABCDEFGHI".Select((c, i) => new BallotOption { Token = c.ToString(), Label = $"Priorité {c}" })],
        };
        var counts = new Dictionary<string, int> { ["A"] = 9, ["B"] = 8, ["C"] = 7, ["D"] = 6, ["E"] = 5, ["F"] = 4, ["G"] = 3, ["H"] = 2, ["I"] = 1 };
        var votes = counts.SelectMany(kv => Enumerable.Repeat(Tables.Voting.Ballot.Approve(kv.Key), kv.Value));
        var tally = Tally.Count(VotingMethod.Approval, [.. counts.Keys], votes, new MethodOptions { MaxChoices = 6, Seed = "1" });
        var result = new BallotResult(tally.Winners, tally.Ranking, tally.Scores.ToDictionary(s => s.Key, s => (double)s.Value), true, 1, false,
            JsonSerializer.SerializeToElement(tally, TablesJson.Options));
        var results = new BallotResults(7, 1, 45, 0, 0, 50, new Dictionary<string, int>(), result);

        var card = Render<BallotCard>(p => p.Add(c => c.Ballot, BallotView.Of(ballot)).Add(c => c.Results, results).Add(c => c.CanFacilitate, true)
            .Add(c => c.ForumNotDraft, true).Add(c => c.Promoted, new HashSet<string> { "A" }).Add(c => c.ExportBase, "/api/x/")
            .Add(c => c.Paper, _ => Task.FromResult(true)).Add(c => c.Promote, _ => Task.CompletedTask));

        Assert.Equal(6, card.FindAll(".result-bars li.winner").Count);
        Assert.Equal("Les 6 options les plus appuyées sont retenues.", card.Find("[data-testid=kept-note]").TextContent);
        var ticked = card.FindAll(".promote input[type=checkbox]").Count(i => ((AngleSharp.Html.Dom.IHtmlInputElement)i).IsChecked && !i.HasAttribute("disabled"));
        // Six are kept; A is a priority already: the five others are ticked.
        Assert.Equal(5, ticked);
        Assert.Contains("Priorité A (déjà une priorité)", card.Find(".promote").TextContent, StringComparison.Ordinal);
        Assert.Contains("Appui\u00a0: part des bulletins non blancs (45)", card.Find("[data-testid=support-note]").TextContent, StringComparison.Ordinal);
        Assert.Contains("options.csv", card.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_ballot_cannot_be_opened_while_the_forum_is_not_open()
    {
        var ballot = new Ballot { Id = 3, Question = "Q", Method = VotingMethod.Plurality, Status = BallotStatus.Draft, Options = [new() { Token = "A", Label = "Oui" }, new() { Token = "B", Label = "Non" }] };

        var closedForum = Render<BallotCard>(p => p.Add(c => c.Ballot, BallotView.Of(ballot)).Add(c => c.ForumOpen, false).Add(c => c.ExportBase, "/")
            .Add(c => c.Paper, _ => Task.FromResult(true)).Add(c => c.Promote, _ => Task.CompletedTask));
        var openForum = Render<BallotCard>(p => p.Add(c => c.Ballot, BallotView.Of(ballot)).Add(c => c.ForumOpen, true).Add(c => c.ExportBase, "/")
            .Add(c => c.Paper, _ => Task.FromResult(true)).Add(c => c.Promote, _ => Task.CompletedTask));

        Assert.Empty(closedForum.FindAll("[data-testid=ballot-open]"));
        Assert.Single(openForum.FindAll("[data-testid=ballot-open]"));
    }

    [Fact]
    public void A_priority_says_which_ballot_forum_and_idea_it_came_from()
    {
        var list = Render<PriorityList>(p => p.Add(c => c.Priorities, new List<PriorityItem>
        {
            new(1, "Logement abordable", 1, new PriorityOrigin(4, "Quelles priorités?", 2, "Forum du printemps", "A", 17)),
            new(2, "Ajoutée à la main", 2, null),
        }));

        var items = list.FindAll("[data-testid=priority]");
        Assert.Equal(2, items.Count);
        Assert.Contains("Issue du scrutin «\u00a0Quelles priorités?\u00a0», forum", items[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("/forums/2/wall", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("d'après l'idée n°\u00a017", items[0].TextContent, StringComparison.Ordinal);
        Assert.Null(items[1].QuerySelector("a"));
    }

    [Fact]
    public async Task The_error_list_shows_every_message_of_the_form_and_the_refusal_first()
    {
        var context = new Microsoft.AspNetCore.Components.Forms.EditContext(new IdeaEdit());
        var store = new Microsoft.AspNetCore.Components.Forms.ValidationMessageStore(context);
        store.Add(context.Field("Text"), "Écrivez l'idée.");
        store.Add(context.Field("Theme"), "Ce thème n'est pas dans la liste.");

        var errors = Render<FormErrors>(p => p.AddCascadingValue(context).Add(c => c.Error, "Ce forum est clos."));
        await errors.InvokeAsync(context.NotifyValidationStateChanged);

        Assert.Equal(["Ce forum est clos.", "Écrivez l'idée.", "Ce thème n'est pas dans la liste."], errors.FindAll("li").Select(l => l.TextContent));
        Assert.Equal("alert", errors.Find(".form-errors").GetAttribute("role"));
    }
}
