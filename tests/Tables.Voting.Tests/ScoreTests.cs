namespace Tables.Voting.Tests;

/// <summary>Score: ranked by sum, mean shown, scores within the maximum.</summary>
public sealed class ScoreTests
{
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
}
