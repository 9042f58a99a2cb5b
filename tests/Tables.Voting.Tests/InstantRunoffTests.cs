namespace Tables.Voting.Tests;

/// <summary>Instant-runoff: rounds, exhausted ballots, ties for last place.</summary>
public sealed class InstantRunoffTests
{
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
}
