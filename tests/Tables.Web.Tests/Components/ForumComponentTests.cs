using System.Globalization;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Tables.Voting;
using Tables.Web.Components.Forums;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Ballot = Tables.Web.Features.Ballots.Ballot;

namespace Tables.Web.Tests.Components;

/// <summary>The result view (wall and console) and the paper ballot form (console).</summary>
public sealed class ForumComponentTests : ForumComponentContext
{
    private static readonly OptionView[] Options = [new("A", "Logement"), new("B", "Verdissement"), new("C", "Mobilité")];

    private static BallotResults Results(VotingMethod method, IEnumerable<Tables.Voting.Ballot> ballots, bool final = true, MethodOptions? options = null)
    {
        var list = ballots.ToList();
        var tally = Tally.Count(method, Options.Select(o => o.Token).ToArray(), list, options ?? new MethodOptions { Seed = "42" });
        var result = new BallotResult(tally.Winners, tally.Ranking, tally.Scores.ToDictionary(s => s.Key, s => (double)s.Value), final, final ? 42 : null,
            tally.TieBreak.Used, JsonSerializer.SerializeToElement(tally, TablesJson.Options));
        return new BallotResults(1, 1, list.Count, 1, 0, 10, new Dictionary<string, int> { ["Résident·e"] = list.Count }, result);
    }

    [Fact]
    public void Approval_result_lists_options_best_first_with_the_winner_marked_and_turnout()
    {
        var results = Results(VotingMethod.Approval, [Tables.Voting.Ballot.Approve("A", "B"), Tables.Voting.Ballot.Approve("A"), Tables.Voting.Ballot.Approve("C")]);

        var view = Render<ResultView>(p => p.Add(c => c.Options, Options).Add(c => c.Results, results).Add(c => c.ShowExplanation, true));

        var rows = view.FindAll(".result-bars li");
        Assert.Equal(["Logement", "Verdissement", "Mobilité"], rows.Select(r => r.QuerySelector(".name")!.TextContent).ToArray());
        Assert.Contains("winner", rows[0].ClassList);
        Assert.DoesNotContain("winner", rows[1].ClassList);
        Assert.Contains("3 bulletins reçus · 10 participant·es", view.Find("[data-testid=turnout]").TextContent);
        Assert.Contains("dont 1 sur papier", view.Find("[data-testid=turnout]").TextContent);
        Assert.Contains("Résident·e : 3", view.Find("[data-testid=turnout-by-group]").TextContent.Replace('\u00A0', ' '));
        Assert.Contains("Égalité départagée par tirage au sort, graine publiée : 42", view.Find("[data-testid=seed]").TextContent.Replace('\u00A0', ' '));
    }

    [Fact]
    public void Instant_runoff_explanation_shows_each_round_and_who_left()
    {
        var ballots = new[]
        {
            Tables.Voting.Ballot.Ranked("A", "B") with { Count = 4 },
            Tables.Voting.Ballot.Ranked("B", "A") with { Count = 3 },
            Tables.Voting.Ballot.Ranked("C", "B") with { Count = 2 },
        };

        var view = Render<ResultView>(p => p.Add(c => c.Options, Options).Add(c => c.Results, Results(VotingMethod.InstantRunoff, ballots)).Add(c => c.ShowExplanation, true));

        var rounds = view.FindAll("table.figures tbody tr");
        Assert.Equal(2, rounds.Count);
        Assert.Contains("Mobilité éliminée", rounds[0].TextContent);
        Assert.DoesNotContain("(s)", rounds[0].TextContent);
        Assert.Contains("Verdissement l'emporte", rounds[1].TextContent);
    }

    [Fact]
    public void Majority_judgment_explanation_shows_grades_by_name_and_median_with_gauge()
    {
        var ballots = new[]
        {
            Tables.Voting.Ballot.Rated(("A", 5), ("B", 2), ("C", 0)),
            Tables.Voting.Ballot.Rated(("A", 4), ("B", 3), ("C", 1)),
            Tables.Voting.Ballot.Rated(("A", 4), ("B", 3), ("C", 2)),
        };

        var view = Render<ResultView>(p => p.Add(c => c.Options, Options).Add(c => c.Results, Results(VotingMethod.MajorityJudgment, ballots)).Add(c => c.ShowExplanation, true));

        Assert.Contains("Très bien", view.Find("table.figures thead").TextContent);
        var first = view.FindAll("table.figures tbody tr")[0];
        Assert.Contains("Bien+", first.TextContent.Replace("Assez bien", ""));
        Assert.Equal("Bien", view.FindAll(".result-bars li")[0].QuerySelector(".figure")!.TextContent);
    }

    [Fact]
    public void Turnout_by_group_names_the_folded_groups_and_those_of_no_group_in_words()
    {
        var results = new BallotResults(1, 1, 16, 0, 0, 20, new Dictionary<string, int> { ["Résident·e"] = 6, [ResultDisclosure.Others] = 7, [""] = 3 }, null);

        var view = Render<ResultView>(p => p.Add(c => c.Options, Options).Add(c => c.Results, results));

        var byGroup = view.Find("[data-testid=turnout-by-group]").TextContent;
        Assert.Contains("autres groupes\u00a0: 7", byGroup);
        Assert.Contains("sans groupe\u00a0: 3", byGroup);
        Assert.Contains("Résident·e\u00a0: 6", byGroup);
    }

    [Fact]
    public void Hidden_results_show_only_the_turnout()
    {
        var hidden = new BallotResults(1, 1, 5, 0, 0, 9, new Dictionary<string, int>(), null);

        var view = Render<ResultView>(p => p.Add(c => c.Options, Options).Add(c => c.Results, hidden));

        Assert.Empty(view.FindAll(".result-bars li"));
        Assert.Contains("5 bulletins reçus · 9", view.Markup);
        Assert.Empty(view.FindAll("[data-testid=turnout-by-group]"));
        Assert.Contains("Les résultats seront affichés plus tard.", view.Markup);
    }

    private static BallotView PaperBallot(VotingMethod method, BallotSettings? settings = null) => BallotView.Of(new Ballot
    {
        Id = 7,
        Method = method,
        Settings = settings ?? new BallotSettings(),
        Options = Options.Select(o => new BallotOption { Token = o.Token, Label = o.Label }).ToList(),
    });

    [Fact]
    public void Paper_ranks_become_tie_groups_in_rank_order()
    {
        PaperBallotForm.PaperEntry? entry = null;
        var form = Render<PaperBallotForm>(p => p.Add(c => c.Ballot, PaperBallot(VotingMethod.Schulze))
            .Add(c => c.OnSubmit, (PaperBallotForm.PaperEntry e) => entry = e));

        form.Find("[data-testid=paper-C]").Change("1");
        form.Find("[data-testid=paper-A]").Change("2");
        form.Find("[data-testid=paper-B]").Change("2");
        form.Find("form").Submit();

        Assert.NotNull(entry);
        Assert.Equal([["C"], ["A", "B"]], entry!.Content.Ranking!.Select(g => g.Order().ToArray()).ToArray());
        Assert.Null(entry.Content.Values);
    }

    [Fact]
    public void Paper_plurality_keeps_one_choice_and_approval_several()
    {
        PaperBallotForm.PaperEntry? entry = null;
        var plurality = Render<PaperBallotForm>(p => p.Add(c => c.Ballot, PaperBallot(VotingMethod.Plurality))
            .Add(c => c.OnSubmit, (PaperBallotForm.PaperEntry e) => entry = e));
        var radios = plurality.FindAll("input[type=radio]");
        Assert.Equal(3, radios.Count);
        radios[0].Change(true);
        plurality.FindAll("input[type=radio]")[2].Change(true);
        plurality.Find("form").Submit();
        Assert.Equal(new Dictionary<string, int> { ["C"] = 1 }, entry!.Content.Values);

        var approval = Render<PaperBallotForm>(p => p.Add(c => c.Ballot, PaperBallot(VotingMethod.Approval, new BallotSettings { MaxChoices = 2 }))
            .Add(c => c.Groups, ["Résident·e"])
            .Add(c => c.OnSubmit, (PaperBallotForm.PaperEntry e) => entry = e));
        approval.FindAll("input[type=checkbox]")[0].Change(true);
        approval.FindAll("input[type=checkbox]")[1].Change(true);
        approval.Find("select").Change("Résident·e");
        approval.Find("form").Submit();
        Assert.Equal(new Dictionary<string, int> { ["A"] = 1, ["B"] = 1 }, entry!.Content.Values);
        Assert.Equal("Résident·e", entry.Group);
    }

    [Theory]
    [InlineData(VotingMethod.Approval, "Nombre de choix")]
    [InlineData(VotingMethod.Cumulative, "Points à répartir")]
    [InlineData(VotingMethod.MajorityJudgment, "Note maximale")]
    public void Ballot_setup_asks_for_the_options_of_its_method(VotingMethod method, string field)
    {
        Services.AddScoped<FluentValidation.IValidator<BallotSetup>, BallotSetupValidator>();

        var form = Render<BallotSetupForm>(p => p.Add(c => c.Model, new BallotSetup { Method = method }).Add(c => c.Submit, _ => Task.CompletedTask));

        var labels = form.FindAll("label").Select(l => l.TextContent.Trim()).ToArray();
        Assert.Contains(field, labels);
        Assert.Contains("Question", labels);
        Assert.Equal(method != VotingMethod.Approval, !labels.Contains("Nombre de choix"));
    }

    [Fact]
    public void Ballot_setup_refuses_a_single_option_at_the_field_and_submits_nothing()
    {
        Services.AddScoped<FluentValidation.IValidator<BallotSetup>, BallotSetupValidator>();
        var submitted = false;
        var form = Render<BallotSetupForm>(p => p.Add(c => c.Model, new BallotSetup { Question = "Q", Method = VotingMethod.Plurality, Options = ["Seule"] })
            .Add(c => c.Submit, _ =>
            {
                submitted = true;
                return Task.CompletedTask;
            }));

        form.Find("form").Submit();

        Assert.False(submitted);
        Assert.NotEmpty(form.FindAll(".validation-message"));
    }

    [Fact]
    public void Paper_grades_are_bounded_by_the_top_grade()
    {
        var form = Render<PaperBallotForm>(p => p.Add(c => c.Ballot, PaperBallot(VotingMethod.MajorityJudgment, new BallotSettings { MaxScore = 5 })));

        // One grade field per option: an empty list must not pass.
        var grades = form.FindAll("input[type=number]");
        Assert.Equal(Options.Length, grades.Count);
        Assert.All(grades, i => Assert.Equal("5", i.GetAttribute("max")));
        Assert.All(grades, i => Assert.Equal("0", i.GetAttribute("min")));
    }
}
