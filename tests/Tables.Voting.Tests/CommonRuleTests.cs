using System.Globalization;

namespace Tables.Voting.Tests;

/// <summary>Rules every method shares: blank ballots, exact weights, quorum, required majority, groups.</summary>
public sealed class CommonRuleTests
{
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
    [InlineData("> 50 %", 1, 2, true)]
    [InlineData(" 2 / 3 ", 2, 3, false)]
    [InlineData("60\u202F%", 3, 5, false)]
    public void Required_majority_parses(string text, long numerator, long denominator, bool strict)
    {
        var majority = RequiredMajority.Parse(text);
        Assert.Equal((numerator, denominator, strict), (majority.Numerator, majority.Denominator, majority.Strict));
        // A ballot's majority setting is read with the same rule.
        Assert.True(RequiredMajority.TryParseSetting(text, out var setting));
        Assert.Equal(majority, setting);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3/2")]
    [InlineData("0/3")]
    [InlineData("deux tiers")]
    [InlineData("1e-1")]
    [InlineData("6.7E-1")]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("-1/2")]
    [InlineData("1/2/3")]
    [InlineData(">>1/2")]
    public void Bad_required_majority_is_a_voting_error(string text)
    {
        Assert.Equal(ErrorCodes.InvalidMajority, Fails(() => RequiredMajority.Parse(text)).Code);
        Assert.False(RequiredMajority.TryParseSetting(text, out _) && text.Trim().Length > 0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_majority_setting_means_none(string? text)
    {
        Assert.True(RequiredMajority.TryParseSetting(text, out var majority));
        Assert.Null(majority);
        Assert.Null(RequiredMajority.ParseSetting(text));
    }

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
}
