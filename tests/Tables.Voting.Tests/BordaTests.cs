namespace Tables.Voting.Tests;

/// <summary>Borda: positions, ties and the unranked share rule.</summary>
public sealed class BordaTests
{
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
}
