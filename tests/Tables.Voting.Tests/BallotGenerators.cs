using System.Text.Json;
using CsCheck;

namespace Tables.Voting.Tests;

/// <summary>CsCheck generators of elections and ballots, shared by the property tests (<c>using static</c>).</summary>
internal static class BallotGenerators
{
    public static readonly string[] Letters = ["A", "B", "C", "D", "E", "F", "G"];

    public static readonly VotingMethod[] AllMethods = Enum.GetValues<VotingMethod>();

    public static readonly MethodOptions Cumulative = new() { MaxPoints = 5, MaxPerOption = 3 };

    public static MethodOptions OptionsFor(VotingMethod method, string? seed = null) =>
        (method == VotingMethod.Cumulative ? Cumulative : MethodOptions.Default) with { Seed = seed };


    /// <summary>A permutation of 0..n−1 (sorting by random keys; stable, so equal keys keep their order).</summary>
    public static Gen<int[]> Permutation(int n) =>
        Gen.Int[0, 1000].Array[n].Select(keys => Enumerable.Range(0, n).OrderBy(i => keys[i]).ToArray());

    /// <summary>A ranking with ties and unranked options; options inside a tie group are in option order.</summary>
    public static Gen<Ballot> RankedWithTies(string[] tokens) =>
        Gen.Int[0, tokens.Length].Array[tokens.Length].Select(levels => Ballot.Ranked(
            Enumerable.Range(0, tokens.Length).Where(i => levels[i] < tokens.Length)
                .GroupBy(i => levels[i]).OrderBy(g => g.Key).Select(g => g.Select(i => tokens[i]))));

    /// <summary>A strict, possibly partial ranking (instant-runoff).</summary>
    public static Gen<Ballot> StrictRanking(string[] tokens) =>
        Gen.Select(Permutation(tokens.Length), Gen.Int[0, tokens.Length],
            (order, length) => Ballot.Ranked(order.Take(length).Select(i => tokens[i]).ToArray()));

    /// <summary>Values 0..max for some options (−1 = left out).</summary>
    public static Gen<Ballot> Rated(string[] tokens, int max) =>
        Gen.Int[-1, max].Array[tokens.Length].Select(values =>
            Ballot.Rated(Enumerable.Range(0, tokens.Length).Where(i => values[i] >= 0).Select(i => KeyValuePair.Create(tokens[i], values[i]))));

    /// <summary>A valid ballot for the method (with the options of <see cref="OptionsFor"/>).</summary>
    public static Gen<Ballot> BallotFor(VotingMethod method, string[] tokens) => method switch
    {
        VotingMethod.Plurality => Gen.Int[-1, tokens.Length - 1].Select(i => i < 0 ? Ballot.Blank : Ballot.Choice(tokens[i])),
        VotingMethod.Approval => Gen.Bool.Array[tokens.Length].Select(marks => Ballot.Approve(tokens.Where((_, i) => marks[i]).ToArray())),
        VotingMethod.Cumulative => Gen.Int[0, 3].Array[tokens.Length].Select(points =>
        {
            var total = 0;
            var kept = new List<KeyValuePair<string, int>>();
            for (var i = 0; i < tokens.Length && total + points[i] <= 5; i++)
            {
                total += points[i];
                kept.Add(KeyValuePair.Create(tokens[i], points[i]));
            }
            return Ballot.Rated(kept);
        }),
        VotingMethod.Score or VotingMethod.MajorityJudgment => Rated(tokens, 5),
        VotingMethod.InstantRunoff => StrictRanking(tokens),
        _ => RankedWithTies(tokens),
    };

    public static Gen<Ballot> WithCountWeightGroup(Gen<Ballot> ballot) =>
        Gen.Select(ballot, Gen.Int[1, 4], Gen.OneOfConst(1m, 1m, 1m, 0.5m, 0.25m, 3m, 0.1m), Gen.OneOfConst<string?>(null, null, "g1", "g2"),
            (b, count, weight, group) => b with { Count = count, Weight = weight, Group = group });

    /// <summary>A method, its options (2–6) and up to 25 counted ballot lines.</summary>
    public static Gen<(VotingMethod Method, string[] Tokens, Ballot[] Ballots)> Election(params VotingMethod[] methods) =>
        Gen.Select(Gen.OneOfConst(methods), Gen.Int[2, 6]).SelectMany((method, n) =>
        {
            var tokens = Letters[..n];
            return WithCountWeightGroup(BallotFor(method, tokens)).Array[0, 25].Select(ballots => (method, tokens, ballots));
        });

    public static string Json(TallyResult result) => JsonSerializer.Serialize(result, JsonSerializerOptions.Web);

    public static string Show((VotingMethod Method, string[] Tokens, Ballot[] Ballots) e) =>
        e.Method.Token() + " [" + string.Join(",", e.Tokens) + "] " + string.Join(" | ", e.Ballots.Select(b => b.ToString()));
}
