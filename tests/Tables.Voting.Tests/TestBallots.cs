namespace Tables.Voting.Tests;

/// <summary>Option lists and helpers the method tests share (<c>using static</c>).</summary>
internal static class TestBallots
{
    public static readonly string[] Abcd = ["A", "B", "C", "D"];
    public static readonly string[] Abc = ["A", "B", "C"];

    /// <summary>The same ballot <paramref name="count"/> times, as one counted line.</summary>
    public static Ballot Times(Ballot ballot, long count) => ballot with { Count = count };

    /// <summary>The ranking's tie groups as arrays, for <c>Assert.Equal</c>.</summary>
    public static string[][] Groups(TallyResult result) => result.Ranking.Select(g => g.ToArray()).ToArray();

    public static VotingException Fails(Action action) => Assert.Throws<VotingException>(action);
}
