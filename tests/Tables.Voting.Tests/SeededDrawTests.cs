namespace Tables.Voting.Tests;

/// <summary>The seeded tie-break draw of docs/VOTING.md.</summary>
public sealed class SeededDrawTests
{
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
}
