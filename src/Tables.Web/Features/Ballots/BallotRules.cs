namespace Tables.Web.Features.Ballots;

public static class BallotRules
{
    public const int QuestionMax = 300;
    public const int OptionLabelMax = 200;
    public const int OptionsMax = 200;
    public const int TokenMax = 32;

    /// <summary>Method tokens, as Tables.Voting names them.</summary>
    public static readonly IReadOnlyList<string> Methods =
        ["approval", "cumulative", "plurality", "score", "borda", "schulze", "irv", "majority-judgment"];

    public static readonly IReadOnlySet<string> RankedMethods = new HashSet<string> { "borda", "schulze", "irv" };

    public static bool IsRanked(string method) => RankedMethods.Contains(method);
}
