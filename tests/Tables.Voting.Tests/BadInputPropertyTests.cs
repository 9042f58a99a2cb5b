using System.Text;
using CsCheck;

namespace Tables.Voting.Tests;

/// <summary>Random and damaged input gives only voting errors, never another exception (CsCheck).</summary>
public sealed class BadInputPropertyTests
{
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
