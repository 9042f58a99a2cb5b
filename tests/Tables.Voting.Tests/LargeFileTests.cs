using System.Text;
using System.Text.Json;
using CsCheck;

namespace Tables.Voting.Tests;

/// <summary>Files read as streams, identical ballots merged as they are read: same ballots, same results, errors still
/// at their line and column, and a file with any error imports nothing.</summary>
public sealed class LargeFileTests
{
    /// <summary>A reader that gives a few characters at a time, so that lines are cut between reads.</summary>
    private sealed class Trickle(string text, int step) : TextReader
    {
        private int _at;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var n = Math.Min(Math.Min(step, buffer.Length), text.Length - _at);
            text.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }

    private static string Json(TallyResult result) => JsonSerializer.Serialize(result, JsonSerializerOptions.Web);

    [Fact]
    public void Identical_lines_are_merged_and_every_line_is_kept()
    {
        var file = Abif.Read("=A:\n=B:\n=C:\n1:A>B\n1:A>B\n3:A>B\n2:B\n1:A>B ##{\"group\":\"jeunes\"}\n1:A > B\n", VotingMethod.Borda);

        Assert.Equal(3, file.DistinctBallots); // A>B (the spaces do not matter), B, and A>B in the group "jeunes"
        Assert.Equal([1L, 1L, 3L, 2L, 1L, 1L], file.Ballots.Select(b => b.Count));
        Assert.Equal(Ballot.Ranked("A", "B") with { Count = 3 }, file.Ballots[2]);
        Assert.Equal("jeunes", file.Ballots[4].Group);
        var result = Tally.Count(VotingMethod.Borda, file);
        Assert.Equal(9, result.Ballots);
        Assert.Equal(7 * 2m + 2 * 0.5m, result.Scores["A"]); // first on 7 ballots; left out on the 2 "B" ballots, sharing 1 + 0 with C
    }

    [Fact]
    public void Identical_csv_rows_are_merged()
    {
        var file = BallotCsv.Read("A;B;nombre\n1;2;1\n1;2;4\n2;1;1\n1;2;\n", VotingMethod.Schulze);

        Assert.Equal(2, file.DistinctBallots);
        Assert.Equal([1L, 4L, 1L, 1L], file.Ballots.Select(b => b.Count));
        Assert.Equal(7, Tally.Count(VotingMethod.Schulze, file).Ballots);
    }

    [Fact]
    public async Task A_stream_read_in_small_pieces_gives_the_same_file()
    {
        var text = "{\"title\": \"Forum\"}\r\n=A:[Parc]\r\n=B:[Jardin]\r\n=C:\r\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"{i % 7 + 1}:{"ABC"[i % 3]}>{"CAB"[i % 3]}\r\n")) + "2:C";
        var whole = Abif.Read(text, VotingMethod.Schulze);

        foreach (var step in new[] { 1, 2, 3, 7, 64 })
        {
            var pieces = await Abif.ReadAsync(new Trickle(text, step), VotingMethod.Schulze, TestContext.Current.CancellationToken);
            Assert.Equal(whole.Options, pieces.Options);
            Assert.Equal(whole.Metadata, pieces.Metadata);
            Assert.Equal(whole.Ballots, pieces.Ballots);
            Assert.Equal(501, pieces.Ballots.Count);
        }
    }

    [Fact]
    public async Task A_csv_stream_read_in_small_pieces_gives_the_same_file()
    {
        var text = "A;B;C;nombre;groupe\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"{i % 3 + 1};{(i + 1) % 3 + 1};;{i % 4 + 1};{(i % 5 == 0 ? "\"jeunes;\n\"\"2\"\"\"" : "")}\n"));
        var whole = BallotCsv.Read(text, VotingMethod.Borda);

        var pieces = await BallotCsv.ReadAsync(new Trickle(text, 5), VotingMethod.Borda, TestContext.Current.CancellationToken);

        Assert.Equal(whole.Ballots, pieces.Ballots);
        Assert.Equal(300, pieces.Ballots.Count);
        Assert.Equal("jeunes;\n\"2\"", pieces.Ballots[0].Group); // a quoted cell cut across pieces
    }

    [Fact]
    public void Counting_a_file_gives_the_same_result_as_counting_its_ballots()
    {
        // Writing one line per ballot (every count 1) then reading merges the identical lines: the result must not move.
        Election(AllMethods).Sample(e =>
        {
            var (method, tokens, ballots) = e;
            var single = ballots.SelectMany(b => Enumerable.Repeat(b with { Count = 1 }, (int)b.Count)).ToArray();
            var file = Abif.Read(Abif.Write(tokens.Select(t => new OptionDeclaration(t)).ToArray(), single), method);

            Assert.Equal(Json(Tally.Count(method, tokens, ballots, OptionsFor(method, "s"))), Json(Tally.Count(method, file, OptionsFor(method, "s"))));
            Assert.True(file.DistinctBallots <= ballots.Length);
        }, iter: 300, print: Show);
    }

    [Fact]
    public void An_error_deep_in_a_large_file_names_its_line_and_imports_nothing()
    {
        var text = new StringBuilder("=A:\n=B:\n=C:\n");
        for (var i = 0; i < 200_000; i++)
        {
            text.Append(i == 150_000 ? "1:A>>C\n" : i % 2 == 0 ? "1:A>B>C\n" : "1:C>B\n");
        }

        var e = Assert.Throws<VotingException>(() => Abif.Read(text.ToString(), VotingMethod.InstantRunoff));

        var error = Assert.Single(e.Errors);
        Assert.Equal((ErrorCodes.AbifExpectedOption, 150_004, 5), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void A_counting_error_on_merged_lines_names_the_first_of_them()
    {
        var text = "=A:\n=B:\n=C:\n" + string.Concat(Enumerable.Repeat("1:A>B\n", 1000)) + "1:C>A=B\n" + string.Concat(Enumerable.Repeat("1:C>A=B\n", 1000));
        var file = Abif.Read(text, VotingMethod.InstantRunoff);

        var e = Assert.Throws<VotingException>(() => Tally.Count(VotingMethod.InstantRunoff, file));

        var error = Assert.Single(e.Errors);
        Assert.Equal((ErrorCodes.TieNotAllowed, 1004, 7), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void More_than_200_options_is_an_error_at_the_201st()
    {
        var text = "1:" + string.Join(">", Enumerable.Range(1, 201).Select(i => "o" + i)) + "\n";

        var e = Assert.Throws<VotingException>(() => Abif.Read(text, VotingMethod.Borda));

        Assert.Equal((ErrorCodes.TooManyOptions, 1), (e.Code, e.Line));
        Assert.Equal(text.IndexOf("o201", StringComparison.Ordinal) + 1, e.Column);
    }

    [Fact]
    public void A_ranking_longer_than_the_options_can_be_is_a_repeated_option_where_it_repeats()
    {
        var text = "=A:\n=B:\n1:" + string.Join(">", Enumerable.Repeat("A>B", 101)) + "\n";

        var e = Assert.Throws<VotingException>(() => Abif.Read(text, VotingMethod.Schulze));

        Assert.Equal((ErrorCodes.DuplicateOptionOnBallot, 3, 7), (e.Code, e.Line, e.Column));
        Assert.Equal("A", e.Error.Arguments["option"]);
    }
}
