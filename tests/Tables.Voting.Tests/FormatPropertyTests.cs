using CsCheck;

namespace Tables.Voting.Tests;

/// <summary>ABIF and CSV: writing then reading gives the same options, ballots and metadata (CsCheck).</summary>
public sealed class FormatPropertyTests
{
    private static readonly string[] AbifTokens =
        ["A", "b_2", "Café", "x y", "q-1", "a]b", "#h", "é", "d\"q", "Ünï 3", "[x", "a:b", "z>y", "a=b", "n/5", "c,d"];

    private static readonly string?[] Names = [null, "Parc des Tilleuls", "Bibliothèque « Le Livre »", "# pas un commentaire", "a [b"];

    private static readonly string?[] GroupNames = [null, "jeunes", "aînés", "Groupe #1 \"A\"", "x]y,z;w", "=g", "-1", "@x", "'+y"];

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
        ["A", "b_2", "Café", "x y", "q-1", "a]b", "#h", "é", "d\"q", "Ünï 3", "c,d", "e;f", "g h", "Option 10", "1", "=A1", "+1", "-x", "@y", "'=z"];

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
}
