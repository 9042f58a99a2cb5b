using System.Globalization;

namespace Tables.Voting.Tests;

/// <summary>Focused checks of each counting method, the common rules (blank ballots, weights, quorum, majority,
/// groups), validation and the error locations of the file readers.</summary>
public sealed class MethodTests
{
    private static readonly string[] Abcd = ["A", "B", "C", "D"];
    private static readonly string[] Abc = ["A", "B", "C"];

    private static Ballot Times(Ballot ballot, long count) => ballot with { Count = count };

    private static string[][] Groups(TallyResult result) => result.Ranking.Select(g => g.ToArray()).ToArray();

    private static VotingException Fails(Action action) => Assert.Throws<VotingException>(action);

    // ---------------------------------------------------------------- approval

    [Fact]
    public void Approval_counts_approvals_k_of_n()
    {
        var options = new MethodOptions { MaxChoices = 2 };
        var result = Tally.Count(VotingMethod.Approval, Abcd,
            [Times(Ballot.Approve("A", "B"), 3), Times(Ballot.Approve("B", "C"), 2), Ballot.Approve("D")], options);

        Assert.Equal(["B"], result.Winners);
        Assert.Equal([["B"], ["A"], ["C"], ["D"]], Groups(result));
        Assert.Equal(5m, result.Scores["B"]);
        var explanation = Assert.IsType<ChoiceExplanation>(result.Explanation);
        Assert.Equal(2, explanation.MaxChoices);
        Assert.Equal(0.833333m, explanation.Options["B"].SupportShare);
    }

    [Fact]
    public void Approval_rejects_more_than_k_choices()
    {
        var e = Fails(() => Tally.Count(VotingMethod.Approval, Abcd,
            [Ballot.Approve("A"), Ballot.Approve("A", "B", "C")], new MethodOptions { MaxChoices = 2 }));

        var error = Assert.Single(e.Errors);
        Assert.Equal(ErrorCodes.TooManyChoices, error.Code);
        Assert.Equal(2, error.BallotNumber);
        Assert.Equal("C", error.Arguments["option"]);
    }

    [Fact]
    public void Approval_without_k_allows_every_option_and_zero_means_not_chosen()
    {
        var result = Tally.Count(VotingMethod.Approval, Abc,
            [Ballot.Approve("A", "B", "C"), Ballot.Rated(("A", 0), ("B", 1))]);

        Assert.Equal(["B"], result.Winners);
        Assert.Equal(1m, result.Scores["A"]);
    }

    // ---------------------------------------------------------------- plurality

    [Fact]
    public void Plurality_allows_one_choice()
    {
        var e = Fails(() => Tally.Count(VotingMethod.Plurality, Abc, [Ballot.Approve("A", "B")]));
        Assert.Equal(ErrorCodes.TooManyChoices, e.Code);

        var result = Tally.Count(VotingMethod.Plurality, Abc, [Ballot.Choice("A"), Ballot.Choice("C"), Ballot.Choice("C")]);
        Assert.Equal(["C"], result.Winners);
        Assert.Equal([["C"], ["A"], ["B"]], Groups(result));
    }

    // ---------------------------------------------------------------- cumulative

    [Fact]
    public void Cumulative_sums_points_within_the_caps()
    {
        var options = new MethodOptions { MaxPoints = 5, MaxPerOption = 3 };
        var result = Tally.Count(VotingMethod.Cumulative, Abc,
            [Ballot.Rated(("A", 3), ("B", 2)), Ballot.Rated(("B", 3), ("C", 1)), Ballot.Rated(("C", 3))], options);

        Assert.Equal(["B"], result.Winners);
        Assert.Equal(5m, result.Scores["B"]);
        Assert.Equal(4m, result.Scores["C"]);
        Assert.Equal(3m, result.Scores["A"]);
        var explanation = Assert.IsType<ChoiceExplanation>(result.Explanation);
        Assert.Equal<(int?, int?)>((5, 3), (explanation.MaxPoints, explanation.MaxPerOption));
        Assert.Equal(2m, explanation.Options["C"].Supporters);
    }

    [Fact]
    public void Cumulative_rejects_too_many_points_on_one_option_or_in_all()
    {
        var options = new MethodOptions { MaxPoints = 5, MaxPerOption = 3 };

        var perOption = Fails(() => Tally.Count(VotingMethod.Cumulative, Abc, [Ballot.Rated(("A", 4))], options));
        Assert.Equal(ErrorCodes.TooManyPointsOnOption, perOption.Code);
        Assert.Equal("A", perOption.Error.Arguments["option"]);

        var inAll = Fails(() => Tally.Count(VotingMethod.Cumulative, Abc, [Ballot.Rated(("A", 3), ("B", 2), ("C", 1))], options));
        Assert.Equal(ErrorCodes.TooManyPoints, inAll.Code);
        Assert.Equal("C", inAll.Error.Arguments["option"]);
    }

    [Fact]
    public void Cumulative_needs_max_points_and_per_option_defaults_to_it()
    {
        var missing = Fails(() => Tally.Count(VotingMethod.Cumulative, Abc, [Ballot.Rated(("A", 1))]));
        Assert.Equal(ErrorCodes.ParameterRequired, missing.Code);

        var result = Tally.Count(VotingMethod.Cumulative, Abc, [Ballot.Rated(("A", 4))], new MethodOptions { MaxPoints = 4 });
        Assert.Equal(4m, result.Scores["A"]);
    }

    // ---------------------------------------------------------------- score

    [Fact]
    public void Score_ranks_by_sum_and_shows_the_mean()
    {
        var result = Tally.Count(VotingMethod.Score, Abc,
            [Ballot.Rated(("A", 5), ("B", 3)), Ballot.Rated(("A", 1), ("B", 4)), Ballot.Rated(("B", 2), ("C", 0))]);

        Assert.Equal(["B"], result.Winners);
        Assert.Equal([["B"], ["A"], ["C"]], Groups(result));
        Assert.Equal(9m, result.Scores["B"]);
        var explanation = Assert.IsType<ScoreExplanation>(result.Explanation);
        Assert.Equal(5, explanation.MaxScore);
        Assert.Equal(new ScoreFigures(9m, 3m, 3m), explanation.Options["B"]);
        // An unrated option counts 0 in the mean: A's 6 points over 3 ballots.
        Assert.Equal(new ScoreFigures(6m, 2m, 2m), explanation.Options["A"]);
        Assert.Equal(new ScoreFigures(0m, 0m, 1m), explanation.Options["C"]);
    }

    [Fact]
    public void Score_rejects_a_score_above_max()
    {
        var e = Fails(() => Tally.Count(VotingMethod.Score, Abc, [Ballot.Rated(("A", 11))], new MethodOptions { MaxScore = 10 }));
        Assert.Equal(ErrorCodes.ValueOutOfRange, e.Code);
        Assert.Equal(10, e.Error.Arguments["max"]);
    }

    // ---------------------------------------------------------------- Borda

    [Fact]
    public void Borda_unranked_options_share_the_points_left()
    {
        // n = 4: positions score 3, 2, 1, 0.
        var result = Tally.Count(VotingMethod.Borda, Abcd,
        [
            Ballot.Ranked("A"),                   // A 3; B, C, D share 2+1+0 → 1 each
            Ballot.Ranked("B", "C"),              // B 3, C 2; A, D share 1+0 → 0.5 each
            Ballot.Ranked([["A", "B"]]),          // A, B tied in positions 1–2 → 2.5 each; C, D → 0.5 each
        ]);

        Assert.Equal(6m, result.Scores["A"]);
        Assert.Equal(6.5m, result.Scores["B"]);
        Assert.Equal(3.5m, result.Scores["C"]);
        Assert.Equal(2m, result.Scores["D"]);
        Assert.Equal([["B"], ["A"], ["C"], ["D"]], Groups(result));
        var explanation = Assert.IsType<BordaExplanation>(result.Explanation);
        Assert.Equal([3, 2, 1, 0], explanation.PointsByPosition);
        Assert.Equal(new BordaFigures(2m, 0m, 3m), explanation.Options["D"]);
        Assert.Equal(new BordaFigures(6m, 2m, 1m), explanation.Options["A"]);
        // Every ballot hands out exactly 3+2+1+0 points.
        Assert.Equal(18m, result.Scores.Values.Sum());
    }

    // ---------------------------------------------------------------- Schulze

    [Fact]
    public void Schulze_elects_the_condorcet_winner_and_ranks_by_wins()
    {
        var result = Tally.Count(VotingMethod.Schulze, Abc,
            [Times(Ballot.Ranked("A", "B", "C"), 4), Times(Ballot.Ranked("B", "C", "A"), 3), Times(Ballot.Ranked("C", "A", "B"), 2)]);

        // A>B 6:3, B>C 7:2, C>A 5:4 — a cycle; the weakest link C>A (5) is dropped: A, B, C.
        Assert.Equal([["A"], ["B"], ["C"]], Groups(result));
        var explanation = Assert.IsType<SchulzeExplanation>(result.Explanation);
        Assert.Equal([0m, 6m, 4m], explanation.Pairwise[0]);
        Assert.Equal(2, explanation.Wins["A"]);
    }

    [Fact]
    public void Schulze_treats_unranked_options_as_tied_last()
    {
        var result = Tally.Count(VotingMethod.Schulze, Abc, [Ballot.Ranked("C"), Ballot.Ranked("C"), Ballot.Ranked("A", "B")]);

        var explanation = Assert.IsType<SchulzeExplanation>(result.Explanation);
        Assert.Equal(1m, explanation.Pairwise[0][1]);       // A over B: one ballot
        Assert.Equal(0m, explanation.Pairwise[1][0]);       // B over A: none (C ballots leave both unranked)
        Assert.Equal(["C"], result.Winners);
    }

    [Fact]
    public void Schulze_is_not_mono_add_top()
    {
        // Found by PropertyTests: B wins, then one more ballot B > A > C = D makes A win. B beat A only through C
        // (B→C 5.95, C→A 6); the new ballot ranks A over C, so A now beats C and that path is gone. Known of Schulze
        // (it satisfies mono-add-plump, not mono-add-top); the numbers were checked by hand.
        Ballot[] ballots =
        [
            Ballot.Ranked([["A", "B"], ["D"]]) with { Count = 4, Weight = 0.1m },
            Ballot.Ranked([["A", "B"]]) with { Count = 5 },
            Ballot.Ranked("B", "D", "A") with { Weight = 0.25m },
            Ballot.Ranked("B") with { Count = 3, Weight = 0.1m },
            Ballot.Ranked([["B", "C", "D"], ["A"]]) with { Count = 4, Weight = 0.5m },
            Ballot.Ranked([["C", "D"], ["A"], ["B"]]) with { Count = 4 },
        ];

        Assert.Equal(["B"], Tally.Count(VotingMethod.Schulze, Abcd, ballots).Winners);
        Assert.Equal(["A"], Tally.Count(VotingMethod.Schulze, Abcd, [.. ballots, Ballot.Ranked([["B"], ["A"], ["C", "D"]])]).Winners);
        Assert.Equal(["B"], Tally.Count(VotingMethod.Schulze, Abcd, [.. ballots, Ballot.Ranked("B")]).Winners);
    }

    // ---------------------------------------------------------------- IRV

    [Fact]
    public void Irv_exhausts_ballots_with_no_option_left()
    {
        var result = Tally.Count(VotingMethod.InstantRunoff, Abc,
            [Times(Ballot.Ranked("A"), 4), Times(Ballot.Ranked("B", "A"), 3), Times(Ballot.Ranked("C"), 2)]);

        var rounds = Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds;
        Assert.Equal(2, rounds.Count);
        Assert.Equal(["C"], rounds[0].Eliminated);
        Assert.Null(rounds[0].TieBreak);
        Assert.Equal(new RunoffTransfer("C", null, 2m), Assert.Single(rounds[0].Transfers));
        Assert.Equal((7m, 2m), (rounds[1].Continuing, rounds[1].Exhausted));
        Assert.Equal("A", rounds[1].Elected); // 4 of 7 continuing votes: a majority of those still counting
        Assert.Equal([["A"], ["B"], ["C"]], Groups(result));
    }

    [Fact]
    public void Irv_tie_for_last_goes_to_the_previous_rounds()
    {
        var result = Tally.Count(VotingMethod.InstantRunoff, Abcd,
        [
            Times(Ballot.Ranked("A"), 10),
            Times(Ballot.Ranked("B"), 6),
            Times(Ballot.Ranked("C", "B"), 5),
            Ballot.Ranked("D", "C", "B"),
        ]);

        var rounds = Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds;
        Assert.Equal(["D"], rounds[0].Eliminated);
        // Round 2: B 6, C 6 — C had fewer votes in round 1, so C leaves.
        Assert.Equal(6m, rounds[1].Tallies["B"]);
        Assert.Equal(6m, rounds[1].Tallies["C"]);
        Assert.Equal(["C"], rounds[1].Eliminated);
        Assert.Equal("previous-rounds", rounds[1].TieBreak);
        Assert.Equal("B", rounds[2].Elected);
        Assert.False(result.TieBreak.Used);
    }

    [Fact]
    public void Irv_tie_for_last_without_history_goes_to_the_seeded_draw()
    {
        Ballot[] ballots = [Times(Ballot.Ranked("A"), 4), Times(Ballot.Ranked("B", "C"), 3), Times(Ballot.Ranked("C", "B"), 3)];
        var drawn = new SeededDraw("42").Shuffle(["B", "C"]);

        var result = Tally.Count(VotingMethod.InstantRunoff, Abc, ballots, new MethodOptions { Seed = "42" });

        var rounds = Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds;
        Assert.Equal("draw", rounds[0].TieBreak);
        Assert.Equal([drawn[1]], rounds[0].Eliminated);
        Assert.Equal([drawn[0]], result.Winners);
        Assert.True(result.TieBreak.Used);
        var draw = Assert.Single(result.TieBreak.Draws);
        Assert.Equal(("irv-elimination", (int?)1), (draw.Stage, draw.Round));
        Assert.Equal(["B", "C"], draw.Tied);
        Assert.Equal(drawn, draw.Order);
        // The same seed gives the same result.
        Assert.Equal(Groups(result), Groups(Tally.Count(VotingMethod.InstantRunoff, Abc, ballots, new MethodOptions { Seed = "42" })));
    }

    [Fact]
    public void Irv_tie_for_last_without_seed_eliminates_together()
    {
        var result = Tally.Count(VotingMethod.InstantRunoff, Abc,
            [Times(Ballot.Ranked("A"), 4), Times(Ballot.Ranked("B", "C"), 3), Times(Ballot.Ranked("C", "B"), 3)]);

        var rounds = Assert.IsType<InstantRunoffExplanation>(result.Explanation).Rounds;
        Assert.Equal("together", rounds[0].TieBreak);
        Assert.Equal(["B", "C"], rounds[0].Eliminated);
        Assert.Equal(["A"], result.Winners);
        Assert.Equal([["A"], ["B", "C"]], Groups(result));
        Assert.False(result.TieBreak.Used);
    }

    [Fact]
    public void Irv_rejects_ties_on_a_ballot()
    {
        var e = Fails(() => Tally.Count(VotingMethod.InstantRunoff, Abc, [Ballot.Ranked([["A", "B"], ["C"]])]));
        Assert.Equal(ErrorCodes.TieNotAllowed, e.Code);
    }

    [Fact]
    public void Seeded_draw_matches_the_worked_example_of_docs_voting()
    {
        Assert.Equal(0xE3B0C44298FC1C14UL, SeededDraw.InitialState("")); // SHA-256 of nothing: e3b0c442 98fc1c14…
        Assert.Equal(0x63F7283F6C58BC99UL, SeededDraw.InitialState("8120394"));
        var draw = new SeededDraw("8120394");
        Assert.Equal(0xA88C7AB82F5349BBUL, draw.NextUInt64());
        Assert.Equal(0xB432F21430CBB681UL, draw.NextUInt64());
        // Tokens are sorted ordinally first, so the order given does not matter.
        Assert.Equal(["C", "D", "A", "B", "E"], new SeededDraw("8120394").Shuffle(["E", "D", "C", "B", "A"]));
    }

    [Fact]
    public void Seeded_draw_orders_a_tie_in_the_ranking()
    {
        var result = Tally.Count(VotingMethod.Plurality, ["A", "B", "C", "D", "E"],
            [.. new[] { "A", "B", "C", "D", "E" }.Select(Ballot.Choice)], new MethodOptions { Seed = "8120394" });

        Assert.Equal([["C"], ["D"], ["A"], ["B"], ["E"]], Groups(result));
        Assert.Equal(["C"], result.Winners);
        var draw = Assert.Single(result.TieBreak.Draws);
        Assert.Equal(("ranking", (int?)null), (draw.Stage, draw.Round));
    }

    // ---------------------------------------------------------------- majority judgment

    [Fact]
    public void Majority_judgment_ranks_by_lower_median()
    {
        var result = Tally.Count(VotingMethod.MajorityJudgment, Abc,
            [Ballot.Rated(("A", 4), ("B", 2), ("C", 5)), Ballot.Rated(("A", 3), ("B", 5)), Ballot.Rated(("A", 2), ("B", 1), ("C", 1))]);

        // A: 2,3,4 → 3; B: 1,2,5 → 2; C: 0 (unrated),1,5 → 1.
        Assert.Equal([["A"], ["B"], ["C"]], Groups(result));
        Assert.Equal(3m, result.Scores["A"]);
        Assert.Equal(1m, result.Scores["C"]);
        var mj = Assert.IsType<MajorityJudgmentExplanation>(result.Explanation);
        Assert.Equal([1m, 1m, 0m, 0m, 0m, 1m], mj.Options["C"].Profile);
    }

    [Fact]
    public void Majority_judgment_lower_median_of_an_even_count()
    {
        var result = Tally.Count(VotingMethod.MajorityJudgment, ["A"], [Ballot.Rated(("A", 1)), Ballot.Rated(("A", 4))]);
        Assert.Equal(1m, result.Scores["A"]);
    }

    [Fact]
    public void Majority_judgment_breaks_equal_median_and_gauge_by_removing_median_grades()
    {
        // A: 1,3,3,5 and B: 2,3,3,4 — median 3, gauge "−" with 1 below for both. Removing one median grade twice leaves
        // A: 1,5 (lower median 1) and B: 2,4 (lower median 2): B is ahead.
        var result = Tally.Count(VotingMethod.MajorityJudgment, ["A", "B"],
        [
            Ballot.Rated(("A", 1), ("B", 2)),
            Ballot.Rated(("A", 3), ("B", 3)),
            Ballot.Rated(("A", 3), ("B", 3)),
            Ballot.Rated(("A", 5), ("B", 4)),
        ]);

        Assert.Equal([["B"], ["A"]], Groups(result));
        Assert.Equal(result.Scores["A"], result.Scores["B"]);
        var mj = Assert.IsType<MajorityJudgmentExplanation>(result.Explanation);
        Assert.Equal((mj.Options["A"].Gauge, mj.Options["A"].Below), (mj.Options["B"].Gauge, mj.Options["B"].Below));
    }

    [Fact]
    public void Majority_judgment_identical_profiles_stay_tied()
    {
        var result = Tally.Count(VotingMethod.MajorityJudgment, ["A", "B"],
            [Ballot.Rated(("A", 1), ("B", 4)), Ballot.Rated(("A", 4), ("B", 1))]);
        Assert.Equal([["A", "B"]], Groups(result));
        Assert.Equal(["A", "B"], result.Winners);
    }

    [Fact]
    public void Majority_judgment_rejects_grades_out_of_range()
    {
        var high = Fails(() => Tally.Count(VotingMethod.MajorityJudgment, Abc, [Ballot.Rated(("A", 6))]));
        Assert.Equal(ErrorCodes.ValueOutOfRange, high.Code);
        var negative = Fails(() => Tally.Count(VotingMethod.MajorityJudgment, Abc, [Ballot.Rated(("A", -1))]));
        Assert.Equal(ErrorCodes.ValueOutOfRange, negative.Code);
        var tooManyGrades = Fails(() => Tally.Count(VotingMethod.MajorityJudgment, Abc, [Ballot.Rated(("A", 1))], new MethodOptions { MaxScore = 20 }));
        Assert.Equal(ErrorCodes.ParameterOutOfRange, tooManyGrades.Code);
    }

    // ---------------------------------------------------------------- blank ballots, weights

    [Fact]
    public void Blank_ballots_are_counted_apart()
    {
        var result = Tally.Count(VotingMethod.Plurality, Abc,
            [Times(Ballot.Choice("A"), 2), Ballot.Choice("B"), Times(Ballot.Blank, 3), Ballot.Rated(("C", 0))]);

        Assert.Equal(7, result.Ballots);
        Assert.Equal(4, result.BlankBallots);
        Assert.Equal(3m, result.CountedWeight);
        Assert.Equal(0.666667m, Assert.IsType<ChoiceExplanation>(result.Explanation).Options["A"].SupportShare);
        Assert.Equal(7, result.Turnout.Ballots);
    }

    [Fact]
    public void Only_blank_ballots_give_no_winner()
    {
        var result = Tally.Count(VotingMethod.Schulze, Abc, [Times(Ballot.Blank, 2)], new MethodOptions { Seed = "x" });
        Assert.Empty(result.Winners);
        Assert.Equal([["A", "B", "C"]], Groups(result));
        Assert.Equal(0m, result.CountedWeight);
        Assert.False(result.TieBreak.Used);
    }

    [Fact]
    public void Weights_are_exact()
    {
        // 3 × 0.5 = 1.5 for A; 1 + 5 × 0.1 = 1.5 for B: an exact tie (in binary floating point 5 × 0.1 ≠ 0.5).
        var result = Tally.Count(VotingMethod.Plurality, Abc,
        [
            Ballot.Choice("A") with { Count = 3, Weight = 0.5m },
            Ballot.Choice("B"),
            Ballot.Choice("B") with { Count = 5, Weight = 0.1m },
            Ballot.Choice("C") with { Weight = 0.000001m },
        ]);

        Assert.Equal(1.5m, result.Scores["A"]);
        Assert.Equal(1.5m, result.Scores["B"]);
        Assert.Equal(0.000001m, result.Scores["C"]);
        Assert.Equal(3.000001m, result.CountedWeight);
        Assert.Equal(["A", "B"], result.Winners);
        Assert.Equal([["A", "B"], ["C"]], Groups(result));
    }

    [Fact]
    public void Weights_apply_to_ranked_methods()
    {
        var result = Tally.Count(VotingMethod.Borda, Abc,
            [Ballot.Ranked("A", "B", "C") with { Weight = 0.5m }, Ballot.Ranked("C", "B", "A") with { Weight = 0.25m }]);
        Assert.Equal(1m, result.Scores["A"]);
        Assert.Equal(0.75m, result.Scores["B"]);
        Assert.Equal(0.5m, result.Scores["C"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("0.0000001")]
    [InlineData("1000001")]
    public void Invalid_weight_is_rejected(string weight)
    {
        var e = Fails(() => Tally.Count(VotingMethod.Plurality, Abc,
            [Ballot.Choice("A") with { Weight = decimal.Parse(weight, CultureInfo.InvariantCulture) }]));
        Assert.Equal(ErrorCodes.InvalidWeight, e.Code);
    }

    [Fact]
    public void Invalid_count_is_rejected()
    {
        var e = Fails(() => Tally.Count(VotingMethod.Plurality, Abc, [Ballot.Choice("A") with { Count = 0 }]));
        Assert.Equal(ErrorCodes.InvalidCount, e.Code);
    }

    // ---------------------------------------------------------------- quorum and required majority

    [Fact]
    public void Quorum_counts_every_ballot_received()
    {
        Ballot[] four = [Ballot.Choice("A"), Ballot.Choice("A"), Ballot.Choice("B"), Ballot.Blank];

        var notMet = Tally.Count(VotingMethod.Plurality, Abc, four, new MethodOptions { Quorum = 5 });
        Assert.Equal((5, false), (notMet.Turnout.Quorum, notMet.Turnout.QuorumMet));

        var met = Tally.Count(VotingMethod.Plurality, Abc, four, new MethodOptions { Quorum = 4 });
        Assert.True(met.Turnout.QuorumMet);

        var none = Tally.Count(VotingMethod.Plurality, Abc, four);
        Assert.Null(none.Turnout.QuorumMet);
    }

    [Fact]
    public void Two_thirds_majority_met_exactly()
    {
        var options = new MethodOptions { Majority = RequiredMajority.Parse("2/3") };
        var result = Tally.Count(VotingMethod.Plurality, Abc, [Times(Ballot.Choice("A"), 2), Ballot.Choice("B")], options);

        var majority = Assert.IsType<MajorityReport>(result.Majority);
        Assert.Equal(RequiredMajority.TwoThirds, majority.Required);
        Assert.True(majority.Met);
        Assert.Equal("marked", majority.Basis);
        Assert.Equal(0.666667m, majority.Share);
    }

    [Fact]
    public void Two_thirds_majority_not_met()
    {
        var options = new MethodOptions { Majority = RequiredMajority.Parse("2/3") };
        var result = Tally.Count(VotingMethod.Plurality, Abc, [Times(Ballot.Choice("A"), 3), Times(Ballot.Choice("B"), 2)], options);

        Assert.Equal(["A"], result.Winners);
        Assert.False(result.Majority!.Met);
        Assert.Equal(0.6m, result.Majority.Share);
    }

    [Fact]
    public void Strict_majority_needs_more_than_half()
    {
        var options = new MethodOptions { Majority = RequiredMajority.Parse(">1/2") };
        var half = Tally.Count(VotingMethod.Plurality, ["A", "B"], [Ballot.Choice("A"), Ballot.Choice("B")], options);
        Assert.False(half.Majority!.Met);
        var more = Tally.Count(VotingMethod.Plurality, ["A", "B"], [Times(Ballot.Choice("A"), 2), Ballot.Choice("B")], options);
        Assert.True(more.Majority!.Met);
    }

    [Fact]
    public void Pairwise_majority_for_ranked_methods()
    {
        // A is preferred to C by 3 of 4 and to B by 2 of 4 (the C ballot leaves A and B unranked): weakest support 1/2.
        var options = new MethodOptions { Majority = RequiredMajority.Parse("2/3") };
        var result = Tally.Count(VotingMethod.Schulze, Abc,
            [Times(Ballot.Ranked("A", "C", "B"), 2), Ballot.Ranked("C"), Ballot.Ranked("B", "A")], options);

        Assert.Equal(["A"], result.Winners);
        Assert.Equal("pairwise", result.Majority!.Basis);
        Assert.Equal(0.5m, result.Majority.Share);
        Assert.False(result.Majority.Met);
    }

    [Theory]
    [InlineData("2/3", 2, 3, false)]
    [InlineData("0,6667", 6667, 10000, false)]
    [InlineData("66.67 %", 6667, 10000, false)]
    [InlineData(">1/2", 1, 2, true)]
    [InlineData("4/6", 2, 3, false)]
    public void Required_majority_parses(string text, long numerator, long denominator, bool strict)
    {
        var majority = RequiredMajority.Parse(text);
        Assert.Equal((numerator, denominator, strict), (majority.Numerator, majority.Denominator, majority.Strict));
    }

    [Theory]
    [InlineData("")]
    [InlineData("3/2")]
    [InlineData("0/3")]
    [InlineData("deux tiers")]
    public void Bad_required_majority_is_a_voting_error(string text)
    {
        Assert.Equal(ErrorCodes.InvalidMajority, Fails(() => RequiredMajority.Parse(text)).Code);
    }

    // ---------------------------------------------------------------- groups

    [Fact]
    public void By_group_breakdown_counts_each_group_alone()
    {
        var result = Tally.Count(VotingMethod.Plurality, Abc,
        [
            Ballot.Choice("A") with { Count = 3, Group = "jeunes" },
            Ballot.Choice("B") with { Count = 2, Group = "aînés" },
            Ballot.Blank with { Group = "aînés" },
            Times(Ballot.Choice("B"), 2),
        ]);

        Assert.Equal(["B"], result.Winners);
        var byGroup = Assert.IsAssignableFrom<IReadOnlyDictionary<string, TallyResult>>(result.ByGroup);
        Assert.Equal(["aînés", "jeunes"], byGroup.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["A"], byGroup["jeunes"].Winners);
        Assert.Equal(["B"], byGroup["aînés"].Winners);
        Assert.Equal((3L, 1L), (byGroup["aînés"].Ballots, byGroup["aînés"].BlankBallots));
        Assert.Equal(3m, byGroup["jeunes"].CountedWeight);
        Assert.Null(byGroup["jeunes"].ByGroup);
    }

    [Fact]
    public void Without_groups_there_is_no_breakdown()
    {
        Assert.Null(Tally.Count(VotingMethod.Plurality, Abc, [Ballot.Choice("A")]).ByGroup);
    }

    // ---------------------------------------------------------------- validation

    [Fact]
    public void Unknown_option_names_the_ballot()
    {
        var e = Fails(() => Tally.Count(VotingMethod.Plurality, Abc, [Ballot.Choice("A"), Ballot.Choice("Z")]));
        Assert.Equal(ErrorCodes.UnknownOptionOnBallot, e.Code);
        Assert.Equal(2, e.Error.BallotNumber);
        Assert.Equal("Z", e.Error.Arguments["option"]);
    }

    [Fact]
    public void Every_bad_ballot_is_reported()
    {
        var e = Fails(() => Tally.Count(VotingMethod.Borda, Abc, [Ballot.Ranked("Z"), Ballot.Ranked("A"), Ballot.Ranked("A", "A")]));
        Assert.Equal([ErrorCodes.UnknownOptionOnBallot, ErrorCodes.DuplicateOptionOnBallot], e.Errors.Select(x => x.Code));
        Assert.Equal([1, 3], e.Errors.Select(x => x.BallotNumber ?? 0));
    }

    [Fact]
    public void Duplicate_option_on_a_ballot_is_rejected()
    {
        Assert.Equal(ErrorCodes.DuplicateOptionOnBallot,
            Fails(() => Tally.Count(VotingMethod.Schulze, Abc, [Ballot.Ranked([["A"], ["B", "A"]])])).Code);
        Assert.Equal(ErrorCodes.DuplicateOptionOnBallot, Fails(() => Ballot.Rated(("A", 1), ("A", 2))).Code);
    }

    [Fact]
    public void Wrong_kind_of_ballot_is_rejected()
    {
        Assert.Equal(ErrorCodes.RankingExpected, Fails(() => Tally.Count(VotingMethod.Borda, Abc, [Ballot.Choice("A")])).Code);
        Assert.Equal(ErrorCodes.ValuesExpected, Fails(() => Tally.Count(VotingMethod.Score, Abc, [Ballot.Ranked("A")])).Code);
    }

    [Fact]
    public void Option_list_is_checked()
    {
        Assert.Equal(ErrorCodes.DuplicateOption, Fails(() => Tally.Count(VotingMethod.Plurality, ["A", "A"], [])).Code);
        Assert.Equal(ErrorCodes.NoOptions, Fails(() => Tally.Count(VotingMethod.Plurality, [], [])).Code);
        Assert.Equal(ErrorCodes.InvalidOptionToken, Fails(() => Tally.Count(VotingMethod.Plurality, [" A"], [])).Code);
    }

    [Fact]
    public void More_than_200_options_are_rejected()
    {
        var options = Enumerable.Range(1, 201).Select(i => "o" + i).ToArray();
        var e = Fails(() => Tally.Count(VotingMethod.Schulze, options, [Ballot.Ranked("o1")]));
        Assert.Equal(ErrorCodes.TooManyOptions, e.Code);
        Assert.Equal(200, e.Error.Arguments["max"]);

        var fine = Tally.Count(VotingMethod.Schulze, options[..200], [Ballot.Ranked("o7")]);
        Assert.Equal(["o7"], fine.Winners);
    }

    [Fact]
    public void Unknown_method_is_a_voting_error()
    {
        Assert.Equal(ErrorCodes.UnknownMethod, Fails(() => VotingMethods.Parse("condorcet")).Code);
        Assert.Equal(VotingMethod.MajorityJudgment, VotingMethods.Parse(" Majority-Judgment "));
    }

    [Fact]
    public void Method_options_parse_from_query_parameters()
    {
        var options = MethodOptions.Parse(new Dictionary<string, string?>
        {
            ["MAXCHOICES"] = "2", ["seed"] = "8120394", ["majority"] = "2/3", ["quorum"] = "10", ["method"] = "irv", ["maxScore"] = "",
        });
        Assert.Equal(new MethodOptions { MaxChoices = 2, Seed = "8120394", Majority = RequiredMajority.TwoThirds, Quorum = 10 }, options);

        var e = Fails(() => MethodOptions.Parse(new Dictionary<string, string?> { ["maxPoints"] = "dix", ["majority"] = "2/1" }));
        Assert.Equal([ErrorCodes.ParameterNotInteger, ErrorCodes.InvalidMajority], e.Errors.Select(x => x.Code));
    }

    // ---------------------------------------------------------------- messages

    [Fact]
    public void Messages_are_in_french_for_fr_ca()
    {
        var e = Fails(() => Abif.Read("=A:\n=B:\n5:A/4>B/x\n", VotingMethod.Score));
        var french = e.Error.Format(new CultureInfo("fr-CA"));
        var english = e.Error.Format(new CultureInfo("en-CA"));

        Assert.StartsWith("ligne 3, colonne 9\u00A0: ", french); // French typography: no-break space before the colon
        Assert.Contains("nombre entier", french);
        Assert.StartsWith("line 3, column 9: ", english);
        Assert.Equal(english, e.Error.DefaultMessage);
    }

    [Fact]
    public void Every_code_has_an_english_and_a_french_message()
    {
        var codes = typeof(ErrorCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToArray();
        Assert.NotEmpty(codes);
        foreach (var code in codes)
        {
            var error = new VotingError(code);
            var english = error.Format(CultureInfo.InvariantCulture);
            var french = error.Format(new CultureInfo("fr-FR"));
            Assert.NotEqual(code, english);
            Assert.NotEqual(code, french);
            Assert.NotEqual(english, french);
        }
    }

    [Fact]
    public void Ballot_errors_are_localized_with_their_ballot_number()
    {
        var e = Fails(() => Tally.Count(VotingMethod.Approval, Abcd, [Ballot.Approve("A", "B", "C")], new MethodOptions { MaxChoices = 2 }));
        var french = e.Error.Format(new CultureInfo("fr-CA"));
        Assert.Contains("2", french);
        Assert.Contains("C", french);
        Assert.NotEqual(e.Error.DefaultMessage, french);
    }

    // ---------------------------------------------------------------- ABIF and CSV errors

    [Fact]
    public void Abif_bad_rating_names_line_and_column()
    {
        var e = Fails(() => Abif.Read("=A:[Alpha]\n=B:[Beta]\n5:A/4>B/x\n", VotingMethod.Score));
        Assert.Equal((ErrorCodes.AbifBadRating, 3, 9), (e.Code, e.Line, e.Column));
    }

    [Fact]
    public void Abif_file_with_one_error_imports_nothing_and_reports_every_error()
    {
        var lines = Enumerable.Range(0, 100).Select(_ => "3:A>B>C").ToList();
        lines[41] = "3:A>>C";
        lines[70] = "x:A>B";
        var e = Fails(() => Abif.Read(string.Join("\n", lines), VotingMethod.Borda));

        Assert.Equal(2, e.Errors.Count);
        Assert.Equal((ErrorCodes.AbifExpectedOption, 42, 5), (e.Errors[0].Code, e.Errors[0].Line, e.Errors[0].Column));
        Assert.Equal((ErrorCodes.AbifBadCount, 71, 1), (e.Errors[1].Code, e.Errors[1].Line, e.Errors[1].Column));
    }

    [Fact]
    public void Abif_undeclared_option_names_its_column()
    {
        var e = Fails(() => Abif.Read("=A:\n=B:\n2:A>Z\n", VotingMethod.Schulze));
        Assert.Equal((ErrorCodes.AbifUndeclaredOption, 3, 5), (e.Code, e.Line, e.Column));
    }

    [Fact]
    public void Abif_count_errors_name_the_line_and_the_option_column()
    {
        var file = Abif.Read("{\"title\": \"Test\"}\n=A:\n=B:\n3:A/5,B/9\n", VotingMethod.MajorityJudgment);
        Assert.Equal("Test", file.Metadata["title"]);

        var e = Fails(() => Tally.Count(VotingMethod.MajorityJudgment, file));
        Assert.Equal((ErrorCodes.ValueOutOfRange, 4, 7), (e.Code, e.Line, e.Column));
    }

    [Fact]
    public void Abif_rated_methods_need_ratings()
    {
        var e = Fails(() => Abif.Read("2:A>B/3\n", VotingMethod.Score));
        Assert.Equal((ErrorCodes.AbifRatingsRequired, 1, 3), (e.Code, e.Line, e.Column));
    }

    [Fact]
    public void Abif_lines_are_read_by_the_method()
    {
        const string text = "=A:\n=B:\n=C:\n4:B>A>C\n2:C=A>B\n1:\n";

        // Plurality: the first choice of a ranking (its first tie group).
        var plurality = Abif.Read("=A:\n=B:\n=C:\n4:B>A>C\n2:C>A>B\n", VotingMethod.Plurality);
        Assert.Equal(Ballot.Choice("B") with { Count = 4 }, plurality.Ballots[0]);
        // Approval: every listed option is approved.
        var approval = Abif.Read(text, VotingMethod.Approval);
        Assert.Equal(Ballot.Approve("C", "A", "B") with { Count = 2 }, approval.Ballots[1]);
        Assert.True(approval.Ballots[2].IsBlank);
        // Ranked methods: tie groups.
        var borda = Abif.Read(text, VotingMethod.Borda);
        Assert.Equal(Ballot.Ranked([["C", "A"], ["B"]]) with { Count = 2 }, borda.Ballots[1]);
        // Ratings only, read by a ranked method: higher rating first, equal ratings tie.
        var rated = Abif.Read("1:A/1,B/5,C/1\n", VotingMethod.Schulze);
        Assert.Equal(Ballot.Ranked([["B"], ["A", "C"]]), rated.Ballots[0]);
    }

    [Fact]
    public void Abif_extension_gives_group_and_weight()
    {
        var file = Abif.Read("=A:\n=B:\n3:A>B ##{\"group\":\"jeunes\",\"weight\":0.5}\n2:B # a comment\n", VotingMethod.Borda);
        Assert.Equal(Ballot.Ranked("A", "B") with { Count = 3, Group = "jeunes", Weight = 0.5m }, file.Ballots[0]);
        Assert.Equal(Ballot.Ranked("B") with { Count = 2 }, file.Ballots[1]);

        var e = Fails(() => Abif.Read("3:A>B ##{\"colour\":\"red\"}\n", VotingMethod.Borda));
        Assert.Equal((ErrorCodes.AbifBadExtension, 1), (e.Code, e.Line));
    }

    [Fact]
    public void Csv_bad_rank_names_line_and_column()
    {
        var e = Fails(() => BallotCsv.Read("A,B,C\n1,2,3\n2,x,1\n", VotingMethod.Borda));
        Assert.Equal((ErrorCodes.CsvBadRank, 3, 2), (e.Code, e.Line, e.Column));
    }

    [Fact]
    public void Csv_file_with_one_error_imports_nothing()
    {
        var rows = string.Concat(Enumerable.Range(0, 50).Select(_ => "5;3;1\n"));
        var e = Fails(() => BallotCsv.Read("A;B;count\n" + rows + "5;abc;1\n" + rows, VotingMethod.Score));
        var error = Assert.Single(e.Errors);
        Assert.Equal((ErrorCodes.CsvNotANumber, 52, 2), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Csv_field_count_error_names_the_line()
    {
        var e = Fails(() => BallotCsv.Read("A,B\n1,2\n1\n", VotingMethod.Borda));
        Assert.Equal((ErrorCodes.CsvFieldCount, 3), (e.Code, e.Line));
    }

    [Fact]
    public void Csv_count_errors_name_the_line_and_the_option_column()
    {
        var file = BallotCsv.Read("count,A,B\n2,5,3\n1,4,9\n", VotingMethod.Score);
        var e = Fails(() => Tally.Count(VotingMethod.Score, file));
        Assert.Equal((ErrorCodes.ValueOutOfRange, 3, 3), (e.Code, e.Line, e.Column));
    }

    [Fact]
    public void Csv_reads_french_columns_and_semicolons()
    {
        var file = BallotCsv.Read("A;B;C;nombre;poids;groupe\n1;2;;3;0,5;jeunes\n;;;1;;\n", VotingMethod.Borda);

        Assert.Equal(["A", "B", "C"], file.OptionTokens);
        Assert.Equal(Ballot.Ranked("A", "B") with { Count = 3, Weight = 0.5m, Group = "jeunes" }, file.Ballots[0]);
        Assert.True(file.Ballots[1].IsBlank);
        var result = Tally.Count(VotingMethod.Borda, file);
        Assert.Equal((4L, 1L, 1.5m), (result.Ballots, result.BlankBallots, result.CountedWeight));
    }

    [Fact]
    public void Csv_equal_ranks_tie()
    {
        var file = BallotCsv.Read("A,B,C\n1,1,2\n", VotingMethod.Schulze);
        Assert.Equal(Ballot.Ranked([["A", "B"], ["C"]]), file.Ballots[0]);
    }
}
