namespace Tables.Voting.Tests;

/// <summary>Schulze (winning votes): pairwise matrix, strongest paths, unranked options.</summary>
public sealed class SchulzeTests
{
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
}
