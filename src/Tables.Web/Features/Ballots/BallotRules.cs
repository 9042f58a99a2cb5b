using Tables.Voting;

namespace Tables.Web.Features.Ballots;

public static class BallotRules
{
    public const int QuestionMax = 300;
    public const int OptionLabelMax = 200;
    public const int OptionsMax = 200;
    public const int TokenMax = 32;

    /// <summary>The methods a forum offers, in the order the set-up form lists them (the most used first).</summary>
    public static readonly IReadOnlyList<VotingMethod> Methods =
    [
        VotingMethod.Approval, VotingMethod.Cumulative, VotingMethod.Plurality, VotingMethod.Score,
        VotingMethod.Borda, VotingMethod.Schulze, VotingMethod.InstantRunoff, VotingMethod.MajorityJudgment,
    ];
}
