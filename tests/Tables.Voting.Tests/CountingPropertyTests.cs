using CsCheck;

namespace Tables.Voting.Tests;

/// <summary>Properties of the counts over generated elections (CsCheck).</summary>
public sealed class CountingPropertyTests
{
    [Fact]
    public void Ballot_order_does_not_change_the_result()
    {
        Election(AllMethods)
            .SelectMany(e => Gen.Select(Permutation(e.Ballots.Length), Gen.OneOfConst<string?>(null, "seed-1")), (e, p) => (e, p.Item1, p.Item2))
            .Sample(t =>
            {
                var ((method, tokens, ballots), order, seed) = t;
                var options = OptionsFor(method, seed);
                var first = Tally.Count(method, tokens, ballots, options);
                var shuffled = Tally.Count(method, tokens, order.Select(i => ballots[i]).ToArray(), options);
                Assert.Equal(Json(first), Json(shuffled));
            }, iter: 400, print: t => Show(t.e));
    }

    [Fact]
    public void Renaming_options_renames_the_result()
    {
        string[] names = ["zeta", "Parc", "bibliothèque", "x-1", "Jardin communautaire", "Ω", "a"];
        Election(AllMethods)
            .SelectMany(e => Permutation(names.Length), (e, p) => (e, p))
            .Sample(t =>
            {
                var ((method, tokens, ballots), pick) = t;
                var rename = tokens.Select((token, i) => (token, names[pick[i]])).ToDictionary(x => x.token, x => x.Item2);
                Ballot Renamed(Ballot b) => b.Ranking.Count > 0
                    ? Ballot.Ranked(b.Ranking.Select(g => g.Select(o => rename[o]))) with { Count = b.Count, Weight = b.Weight, Group = b.Group }
                    : b.IsBlank ? b : Ballot.Rated(b.Values.Select(v => KeyValuePair.Create(rename[v.Key], v.Value))) with { Count = b.Count, Weight = b.Weight, Group = b.Group };

                var original = Tally.Count(method, tokens, ballots, OptionsFor(method));
                var renamed = Tally.Count(method, tokens.Select(o => rename[o]).ToArray(), ballots.Select(Renamed).ToArray(), OptionsFor(method));

                Assert.Equal(original.Winners.Select(o => rename[o]), renamed.Winners);
                Assert.Equal(original.Ranking.Select(g => string.Join("=", g.Select(o => rename[o]))), renamed.Ranking.Select(g => string.Join("=", g)));
                Assert.Equal(original.Scores.ToDictionary(s => rename[s.Key], s => s.Value), renamed.Scores);
                Assert.Equal(original.CountedWeight, renamed.CountedWeight);
            }, iter: 400, print: t => Show(t.e));
    }

    [Fact]
    public void A_condorcet_winner_always_wins_schulze()
    {
        var found = 0;
        Election(VotingMethod.Schulze).Sample(e =>
        {
            var (_, tokens, ballots) = e;
            var n = tokens.Length;
            var d = new decimal[n, n];
            foreach (var ballot in ballots)
            {
                var rank = tokens.Select(t => ballot.Ranking.Select((g, k) => (g, k)).Where(x => x.g.Contains(t)).Select(x => x.k).DefaultIfEmpty(int.MaxValue).First()).ToArray();
                for (var i = 0; i < n; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        if (rank[i] < rank[j])
                        {
                            d[i, j] += ballot.Count * ballot.Weight;
                        }
                    }
                }
            }
            var winner = Enumerable.Range(0, n).Where(x => Enumerable.Range(0, n).All(y => y == x || d[x, y] > d[y, x])).ToArray();
            if (winner.Length == 1)
            {
                Interlocked.Increment(ref found);
                var result = Tally.Count(VotingMethod.Schulze, tokens, ballots);
                Assert.Equal([tokens[winner[0]]], result.Winners);
                Assert.Equal([tokens[winner[0]]], result.Ranking[0]);
            }
        }, iter: 500, print: Show);
        Assert.True(found > 50, $"only {found} profiles had a Condorcet winner");
    }

    /// <summary>The number of options ranked strictly above <paramref name="option"/>.</summary>
    private static int Above(TallyResult result, string option) =>
        result.Ranking.TakeWhile(g => !g.Contains(option)).Sum(g => g.Count);

    /// <summary>Borda, approval, score: X gains at least as much as any other option, so no option gets above X.
    /// Schulze: a unique winner X stays the unique winner when a ballot ranking only X is added.</summary>
    [Fact]
    public void A_ballot_ranking_x_first_never_hurts_x()
    {
        Election(VotingMethod.Borda, VotingMethod.Schulze, VotingMethod.Approval, VotingMethod.Score)
            .SelectMany(e =>
            {
                var n = e.Tokens.Length;
                // The added ballot: X first, the others ranked or rated below it (or left out) at random.
                var rest = e.Method switch
                {
                    VotingMethod.Approval => Gen.Bool.Array[n].Select(marks => marks.Select(m => m ? 1 : -1).ToArray()),
                    VotingMethod.Score => Gen.Int[-1, 5].Array[n],
                    _ => Gen.Int[0, n].Array[n],
                };
                return Gen.Select(Gen.Int[0, n - 1], rest);
            }, (e, added) => (e, added.Item1, added.Item2))
            .Sample(t =>
            {
                var ((method, tokens, ballots), x, levels) = t;
                var n = tokens.Length;
                var extra = method switch
                {
                    // Schulze satisfies mono-add-plump, not mono-add-top: a ballot X > A > C = D can break the path
                    // through which X beat A (found by this property; checked by hand). So for Schulze X alone is added.
                    VotingMethod.Schulze => Ballot.Ranked(tokens[x]),
                    VotingMethod.Approval => Ballot.Approve(tokens.Where((_, i) => i == x || levels[i] > 0).ToArray()),
                    VotingMethod.Score => Ballot.Rated(Enumerable.Range(0, n).Where(i => i == x || levels[i] >= 0)
                        .Select(i => KeyValuePair.Create(tokens[i], i == x ? 5 : levels[i]))),
                    _ => Ballot.Ranked(new[] { new[] { tokens[x] } }.Concat(
                        Enumerable.Range(0, n).Where(i => i != x && levels[i] < n).GroupBy(i => levels[i]).OrderBy(g => g.Key)
                            .Select(g => g.Select(i => tokens[i]).ToArray()))),
                };
                var before = Tally.Count(method, tokens, ballots);
                var after = Tally.Count(method, tokens, [.. ballots, extra]);

                if (before.Winners.SequenceEqual([tokens[x]]))
                {
                    Assert.Equal([tokens[x]], after.Winners);
                }
                if (method != VotingMethod.Schulze)
                {
                    // Schulze guarantees only that a winner stays the winner (mono-add-plump); others may overtake X's place.
                    Assert.True(Above(after, tokens[x]) <= Above(before, tokens[x]),
                        $"{tokens[x]} had {Above(before, tokens[x])} options above it, then {Above(after, tokens[x])} after {extra}");
                }
            }, iter: 500, print: t => Show(t.e) + " + X=" + t.e.Tokens[t.Item2] + " levels " + string.Join(",", t.Item3));
    }
}
