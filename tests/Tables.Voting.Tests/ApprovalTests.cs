namespace Tables.Voting.Tests;

/// <summary>Approval (k of n): approvals counted, more than k refused, 0 = not chosen.</summary>
public sealed class ApprovalTests
{
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
}
