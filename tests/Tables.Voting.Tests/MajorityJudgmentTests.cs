namespace Tables.Voting.Tests;

/// <summary>Majority judgment: lower median, gauge, removal of median grades.</summary>
public sealed class MajorityJudgmentTests
{
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
}
