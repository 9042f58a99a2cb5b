namespace Tables.Voting.Tests;

/// <summary>Plurality: one choice per ballot.</summary>
public sealed class PluralityTests
{
    [Fact]
    public void Plurality_allows_one_choice()
    {
        var e = Fails(() => Tally.Count(VotingMethod.Plurality, Abc, [Ballot.Approve("A", "B")]));
        Assert.Equal(ErrorCodes.TooManyChoices, e.Code);

        var result = Tally.Count(VotingMethod.Plurality, Abc, [Ballot.Choice("A"), Ballot.Choice("C"), Ballot.Choice("C")]);
        Assert.Equal(["C"], result.Winners);
        Assert.Equal([["C"], ["A"], ["B"]], Groups(result));
    }
}
