namespace Tables.Voting.Tests;

/// <summary>Cumulative: points within the per-option and total caps.</summary>
public sealed class CumulativeTests
{
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
}
