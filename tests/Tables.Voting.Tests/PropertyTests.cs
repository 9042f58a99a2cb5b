using System.Text;
using System.Text.Json;
using CsCheck;

namespace Tables.Voting.Tests;

/// <summary>Properties of the counts and of the file formats over generated ballots (CsCheck).</summary>
public sealed class PropertyTests
{
    private static readonly string[] Letters = ["A", "B", "C", "D", "E", "F", "G"];

    private static readonly VotingMethod[] AllMethods = Enum.GetValues<VotingMethod>();

    private static readonly MethodOptions Cumulative = new() { MaxPoints = 5, MaxPerOption = 3 };

    private static MethodOptions OptionsFor(VotingMethod method, string? seed = null) =>
        (method == VotingMethod.Cumulative ? Cumulative : MethodOptions.Default) with { Seed = seed };

    // ------------------------------------------------------------------ generators

    /// <summary>A permutation of 0..n−1 (sorting by random keys; stable, so equal keys keep their order).</summary>
    private static Gen<int[]> Permutation(int n) =>
        Gen.Int[0, 1000].Array[n].Select(keys => Enumerable.Range(0, n).OrderBy(i => keys[i]).ToArray());

    /// <summary>A ranking with ties and unranked options; options inside a tie group are in option order.</summary>
    private static Gen<Ballot> RankedWithTies(string[] tokens) =>
        Gen.Int[0, tokens.Length].Array[tokens.Length].Select(levels => Ballot.Ranked(
            Enumerable.Range(0, tokens.Length).Where(i => levels[i] < tokens.Length)
                .GroupBy(i => levels[i]).OrderBy(g => g.Key).Select(g => g.Select(i => tokens[i]))));

    /// <summary>A strict, possibly partial ranking (instant-runoff).</summary>
    private static Gen<Ballot> StrictRanking(string[] tokens) =>
        Gen.Select(Permutation(tokens.Length), Gen.Int[0, tokens.Length],
            (order, length) => Ballot.Ranked(order.Take(length).Select(i => tokens[i]).ToArray()));

    /// <summary>Values 0..max for some options (−1 = left out).</summary>
    private static Gen<Ballot> Rated(string[] tokens, int max) =>
        Gen.Int[-1, max].Array[tokens.Length].Select(values =>
            Ballot.Rated(Enumerable.Range(0, tokens.Length).Where(i => values[i] >= 0).Select(i => KeyValuePair.Create(tokens[i], values[i]))));

    /// <summary>A valid ballot for the method (with the options of <see cref="OptionsFor"/>).</summary>
    private static Gen<Ballot> BallotFor(VotingMethod method, string[] tokens) => method switch
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

    private static Gen<Ballot> WithCountWeightGroup(Gen<Ballot> ballot) =>
        Gen.Select(ballot, Gen.Int[1, 4], Gen.OneOfConst(1m, 1m, 1m, 0.5m, 0.25m, 3m, 0.1m), Gen.OneOfConst<string?>(null, null, "g1", "g2"),
            (b, count, weight, group) => b with { Count = count, Weight = weight, Group = group });

    /// <summary>A method, its options (2–6) and up to 25 counted ballot lines.</summary>
    private static Gen<(VotingMethod Method, string[] Tokens, Ballot[] Ballots)> Election(params VotingMethod[] methods) =>
        Gen.Select(Gen.OneOfConst(methods), Gen.Int[2, 6]).SelectMany((method, n) =>
        {
            var tokens = Letters[..n];
            return WithCountWeightGroup(BallotFor(method, tokens)).Array[0, 25].Select(ballots => (method, tokens, ballots));
        });

    private static string Json(TallyResult result) => JsonSerializer.Serialize(result, JsonSerializerOptions.Web);

    private static string Show((VotingMethod Method, string[] Tokens, Ballot[] Ballots) e) =>
        e.Method.Token() + " [" + string.Join(",", e.Tokens) + "] " + string.Join(" | ", e.Ballots.Select(b => b.ToString()));

    // ------------------------------------------------------------------ counting properties

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

    // ------------------------------------------------------------------ file formats

    private static readonly string[] AbifTokens =
        ["A", "b_2", "Café", "x y", "q-1", "a]b", "#h", "é", "d\"q", "Ünï 3", "[x", "a:b", "z>y", "a=b", "n/5", "c,d"];

    private static readonly string?[] Names = [null, "Parc des Tilleuls", "Bibliothèque « Le Livre »", "# pas un commentaire", "a [b"];

    private static readonly string?[] GroupNames = [null, "jeunes", "aînés", "Groupe #1 \"A\"", "x]y,z;w"];

    private static Gen<(string[] Tokens, Ballot[] Ballots, bool Ranked)> FileContent(string[] pool) =>
        Gen.Select(Gen.Int[1, 6], Permutation(pool.Length), Gen.Bool).SelectMany((n, pick, ranked) =>
        {
            var tokens = pick.Take(n).Select(i => pool[i]).ToArray();
            var ballot = ranked ? RankedWithTies(tokens) : Rated(tokens, 1000);
            var line = Gen.Select(ballot, Gen.Int[1, 1_000_000], Gen.OneOfConst(1m, 0.5m, 0.123456m, 2.50m, 1_000_000m), Gen.OneOfConst(GroupNames),
                (b, count, weight, group) => b with { Count = count, Weight = weight, Group = group });
            return line.Array[0, 20].Select(ballots => (tokens, ballots, ranked));
        });

    [Fact]
    public void Abif_round_trips()
    {
        FileContent(AbifTokens)
            .SelectMany(f => Gen.OneOfConst(Names).Array[f.Tokens.Length], (f, names) => (f, names))
            .Sample(t =>
            {
                var ((tokens, ballots, ranked), names) = t;
                var declarations = tokens.Select((token, i) => new OptionDeclaration(token, names[i])).ToArray();
                var metadata = new Dictionary<string, string> { ["title"] = "Forum « #3 » \"test\" [x]" };
                var text = Abif.Write(declarations, ballots, metadata);

                foreach (var method in ranked ? [VotingMethod.Schulze, VotingMethod.Borda] : new[] { VotingMethod.Score, VotingMethod.MajorityJudgment, VotingMethod.Cumulative })
                {
                    var file = Abif.Read(text, method);
                    Assert.Equal(declarations, file.Options);
                    Assert.Equal(ballots, file.Ballots);
                    Assert.Equal(metadata, file.Metadata);
                }
            }, iter: 300, print: t => string.Join(",", t.f.Tokens) + " | " + string.Join(" | ", t.f.Ballots.Select(b => b.ToString())));
    }

    [Fact]
    public void Abif_round_trips_choice_ballots()
    {
        Gen.Int[1, 6].SelectMany(n => Gen.Bool.Array[n].Array[0, 10], (n, marks) => (n, marks)).Sample(t =>
        {
            var tokens = Letters[..t.n];
            var ballots = t.marks.Select(m => Ballot.Approve(tokens.Where((_, i) => m[i]).ToArray())).ToArray();
            var text = Abif.Write(tokens.Select(o => new OptionDeclaration(o)).ToArray(), ballots);

            Assert.Equal(ballots, Abif.Read(text, VotingMethod.Approval).Ballots);
            Assert.Equal(ballots, BallotCsv.Read(BallotCsv.Write(tokens, ballots), VotingMethod.Approval).Ballots);
        }, iter: 200);
    }

    private static readonly string[] CsvTokens =
        ["A", "b_2", "Café", "x y", "q-1", "a]b", "#h", "é", "d\"q", "Ünï 3", "c,d", "e;f", "g h", "Option 10", "1"];

    [Fact]
    public void Csv_round_trips()
    {
        FileContent(CsvTokens).Sample(f =>
        {
            var (tokens, ballots, ranked) = f;
            var text = BallotCsv.Write(tokens, ballots);

            var file = BallotCsv.Read(text, ranked ? VotingMethod.Borda : VotingMethod.Score);

            Assert.Equal(tokens, file.OptionTokens);
            Assert.Equal(ballots, file.Ballots);
        }, iter: 300, print: f => string.Join(",", f.Tokens) + " | " + string.Join(" | ", f.Ballots.Select(b => b.ToString())));
    }

    // ------------------------------------------------------------------ bad input

    private static void OnlyVotingErrors(Action action)
    {
        try
        {
            action();
        }
        catch (VotingException e)
        {
            Assert.NotEmpty(e.Errors);
            Assert.All(e.Errors, error => Assert.False(string.IsNullOrEmpty(error.Code)));
        }
    }

    /// <summary>Reads the text with every method as ABIF and CSV and counts what could be read.</summary>
    private static void ReadAndCount(string text)
    {
        foreach (var method in AllMethods)
        {
            OnlyVotingErrors(() => Tally.Count(method, Abif.Read(text, method), OptionsFor(method)));
            OnlyVotingErrors(() => Tally.Count(method, BallotCsv.Read(text, method), OptionsFor(method)));
        }
    }

    private static readonly Gen<string> Fragments = Gen.OneOfConst(
        "=", ":", "[", "]", "\"", "#", "##", "{", "}", ">", "=", ",", "/", ";", "\n", "\r\n", " ", "\t", "0", "1", "5", "99999999999",
        "-", "A", "B", "é", "count", "weight", "poids", "groupe", "{\"group\":\"g\",\"weight\":0.5}", "{\"weight\":-1}", "{\"title\":1}",
        "\0", "\u202F", "\uD800", "3:A>B", "=A:[Alpha]", "A,B,C", "1,2,3", "\"a\"\"b\"");

    [Fact]
    public void Random_text_gives_only_voting_errors()
    {
        Gen.String.Sample(ReadAndCount, iter: 300);
    }

    [Theory]
    [InlineData("3:A>B=[]\n")]
    [InlineData("3:A>\"\"")]
    public void An_empty_name_at_the_end_of_a_line_is_a_voting_error(string text)
    {
        // Found by Random_fragments_give_only_voting_errors (seed fgBc32HHLwZ2): it was an IndexOutOfRangeException.
        var e = Assert.Throws<VotingException>(() => Abif.Read(text, VotingMethod.Schulze));
        Assert.Equal(ErrorCodes.AbifExpectedOption, e.Code);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Random_fragments_give_only_voting_errors()
    {
        Fragments.Array[0, 40].Select(parts => string.Concat(parts)).Sample(ReadAndCount, iter: 1500);
    }

    [Fact]
    public void Random_bytes_as_text_give_only_voting_errors()
    {
        Gen.Byte.Array[0, 200].Select(bytes => (Encoding.UTF8.GetString(bytes), Encoding.Latin1.GetString(bytes))).Sample(texts =>
        {
            ReadAndCount(texts.Item1);
            ReadAndCount(texts.Item2);
        }, iter: 300);
    }

    [Fact]
    public void Damaged_valid_files_give_only_voting_errors()
    {
        const string abif = "{\"title\": \"Forum\"}\n=A:[Parc]\n=B:[Jardin]\n=C:[Biblio]\n12:A>B=C ##{\"group\":\"jeunes\",\"weight\":0.5}\n5:B/4,C/2,A/0\n3:\n";
        const string csv = "A;B;C;nombre;poids;groupe\n1;2;;3;0,5;jeunes\n;;;1;;\n";
        Gen.Select(Gen.OneOfConst(abif, csv), Gen.Int[0, 200].Array[1, 4], Fragments.Array[1, 4]).Sample((text, positions, inserted) =>
        {
            var damaged = new StringBuilder(text);
            for (var k = 0; k < positions.Length && k < inserted.Length; k++)
            {
                var at = positions[k] % (damaged.Length + 1);
                if (k % 2 == 0 && at < damaged.Length)
                {
                    damaged.Remove(at, 1);
                }
                damaged.Insert(Math.Min(at, damaged.Length), inserted[k]);
            }
            ReadAndCount(damaged.ToString());
        }, iter: 1500);
    }

    [Fact]
    public void Random_ballot_objects_and_options_give_only_voting_errors()
    {
        var token = Gen.OneOfConst("A", "B", "C", "Z", "", " A", "a");
        var ranking = token.Array[0, 3].Array[0, 4];
        var values = Gen.Select(token, Gen.OneOfConst(-2, -1, 0, 1, 2, 5, 19, 20, 1000, 1001, int.MaxValue)).Array[0, 5];
        var count = Gen.OneOfConst(-1L, 0L, 1L, 3L, 1_000_000_000L, 1_000_000_001L, long.MaxValue);
        var weight = Gen.OneOfConst(-1m, 0m, 1m, 0.5m, 0.0000001m, 0.123456m, 1_000_000m, 1_000_000.5m, decimal.MaxValue);
        var group = Gen.OneOfConst<string?>(null, "", "g", "\u0001", new string('x', 101), " g ");
        var ballot = Gen.Select(Gen.Bool, ranking, values, count, weight, group).Select(t => (t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6));
        var limit = Gen.OneOfConst<int?>(null, -1, 0, 1, 2, 5, 19, 20, 1000, 1001, int.MaxValue);
        var options = Gen.Select(limit, limit, limit, limit, limit, Gen.OneOfConst<string?>(null, "", "s", "\n", new string('s', 201)),
            (maxChoices, maxPoints, maxPerOption, maxScore, quorum, seed) => new MethodOptions
            {
                MaxChoices = maxChoices, MaxPoints = maxPoints, MaxPerOption = maxPerOption, MaxScore = maxScore, Quorum = quorum, Seed = seed,
                Majority = quorum is > 0 ? RequiredMajority.TwoThirds : null,
            });
        Gen.Select(Gen.OneOfConst(AllMethods), options, ballot.Array[0, 6]).Sample((method, methodOptions, lines) =>
        {
            OnlyVotingErrors(() =>
            {
                var ballots = lines.Select(l => (l.Item1
                        ? Ballot.Ranked(l.Item2.Select(g => g.AsEnumerable()))
                        : Ballot.Rated(l.Item3.Select(v => KeyValuePair.Create(v.Item1, v.Item2))))
                    with { Count = l.Item4, Weight = l.Item5, Group = l.Item6 }).ToArray();
                Tally.Count(method, ["A", "B", "C"], ballots, methodOptions);
            });
        }, iter: 2000);
    }

    [Fact]
    public void Random_method_parameters_give_only_voting_errors()
    {
        var names = Gen.OneOfConst([.. MethodOptions.ParameterNames, "method", "MAXSCORE", ""]);
        var values = Gen.OneOf(Gen.String, Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.OneOfConst("2/3", ">1/2", "0", "-1", "1001", "66,67 %", "1/0", "99999999999/1", "%", ">", "/", "0.0000000001", "\u00A0"));
        Gen.Select(names, values).Array[0, 8].Sample(parameters =>
        {
            OnlyVotingErrors(() =>
            {
                var options = MethodOptions.Parse(parameters.Select(p => KeyValuePair.Create(p.Item1, (string?)p.Item2)));
                foreach (var method in AllMethods)
                {
                    OnlyVotingErrors(() => Tally.Count(method, Letters[..3], [], options));
                }
            });
        }, iter: 500);
    }
}
