namespace Tables.Voting.Tests;

/// <summary>Where the ABIF and CSV readers place errors (line and column), and how they read lines.</summary>
public sealed class FileErrorTests
{
    /// <summary>A reading error, at its line and column (any error imports nothing).</summary>
    [Theory]
    [InlineData("abif", "=A:[Alpha]\n=B:[Beta]\n5:A/4>B/x\n", VotingMethod.Score, ErrorCodes.AbifBadRating, 3, 9)]
    [InlineData("abif", "=A:\n=B:\n2:A>Z\n", VotingMethod.Schulze, ErrorCodes.AbifUndeclaredOption, 3, 5)]
    [InlineData("abif", "2:A>B/3\n", VotingMethod.Score, ErrorCodes.AbifRatingsRequired, 1, 3)] // rated methods need ratings
    [InlineData("csv", "A,B,C\n1,2,3\n2,x,1\n", VotingMethod.Borda, ErrorCodes.CsvBadRank, 3, 2)]
    [InlineData("csv", "A,B\n1,2\n1\n", VotingMethod.Borda, ErrorCodes.CsvFieldCount, 3, 2)]
    [InlineData("csv", "A,B\n1,2\n1,2\"x\n", VotingMethod.Borda, ErrorCodes.CsvBadData, 3, 1)] // a quote inside an unquoted cell
    [InlineData("csv", "A,B\n\"1\" 2,1\n", VotingMethod.Borda, ErrorCodes.CsvBadData, 2, 1)] // text after a closing quote
    [InlineData("csv", "A,B\n1,2\n\"2,1\n1,2\n", VotingMethod.Borda, ErrorCodes.CsvBadData, 4, 1)] // a quote never closed
    public void A_read_error_names_its_line_and_column(string format, string text, VotingMethod method, string code, int line, int column)
    {
        var e = Fails(() => _ = format == "csv" ? BallotCsv.Read(text, method) : Abif.Read(text, method));
        Assert.Equal((code, line, column), (e.Code, e.Line, e.Column));
    }

    [Fact]
    public void Abif_file_with_one_error_imports_nothing_and_reports_every_error()
    {
        var lines = Enumerable.Range(0, 100).Select(_ => "3:A>B>C").ToList();
        lines[41] = "3:A>>C";
        lines[70] = "x:A>B";
        var e = Fails(() => Abif.Read(string.Join("\n", lines), VotingMethod.Borda));

        Assert.Equal(2, e.Errors.Count);
        Assert.Equal((ErrorCodes.AbifExpectedOption, 42, 5), (e.Errors[0].Code, e.Errors[0].Line, e.Errors[0].Column));
        Assert.Equal((ErrorCodes.AbifBadCount, 71, 1), (e.Errors[1].Code, e.Errors[1].Line, e.Errors[1].Column));
    }

    [Fact]
    public void Abif_count_errors_name_the_line_and_the_option_column()
    {
        var file = Abif.Read("{\"title\": \"Test\"}\n=A:\n=B:\n3:A/5,B/9\n", VotingMethod.MajorityJudgment);
        Assert.Equal("Test", file.Metadata["title"]);

        var e = Fails(() => Tally.Count(VotingMethod.MajorityJudgment, file));
        Assert.Equal((ErrorCodes.ValueOutOfRange, 4, 7), (e.Code, e.Line, e.Column));
    }

    [Fact]
    public void Abif_lines_are_read_by_the_method()
    {
        const string text = "=A:\n=B:\n=C:\n4:B>A>C\n2:C=A>B\n1:\n";

        // Plurality: the first choice of a ranking (its first tie group).
        var plurality = Abif.Read("=A:\n=B:\n=C:\n4:B>A>C\n2:C>A>B\n", VotingMethod.Plurality);
        Assert.Equal(Ballot.Choice("B") with { Count = 4 }, plurality.Ballots[0]);
        // Approval: every listed option is approved.
        var approval = Abif.Read(text, VotingMethod.Approval);
        Assert.Equal(Ballot.Approve("C", "A", "B") with { Count = 2 }, approval.Ballots[1]);
        Assert.True(approval.Ballots[2].IsBlank);
        // Ranked methods: tie groups.
        var borda = Abif.Read(text, VotingMethod.Borda);
        Assert.Equal(Ballot.Ranked([["C", "A"], ["B"]]) with { Count = 2 }, borda.Ballots[1]);
        // Ratings only, read by a ranked method: higher rating first, equal ratings tie.
        var rated = Abif.Read("1:A/1,B/5,C/1\n", VotingMethod.Schulze);
        Assert.Equal(Ballot.Ranked([["B"], ["A", "C"]]), rated.Ballots[0]);
    }

    [Fact]
    public void Abif_extension_gives_group_and_weight()
    {
        var file = Abif.Read("=A:\n=B:\n3:A>B ##{\"group\":\"jeunes\",\"weight\":0.5}\n2:B # a comment\n", VotingMethod.Borda);
        Assert.Equal(Ballot.Ranked("A", "B") with { Count = 3, Group = "jeunes", Weight = 0.5m }, file.Ballots[0]);
        Assert.Equal(Ballot.Ranked("B") with { Count = 2 }, file.Ballots[1]);

        var e = Fails(() => Abif.Read("3:A>B ##{\"colour\":\"red\"}\n", VotingMethod.Borda));
        Assert.Equal((ErrorCodes.AbifBadExtension, 1), (e.Code, e.Line));
    }

    [Fact]
    public void Csv_file_with_one_error_imports_nothing()
    {
        var rows = string.Concat(Enumerable.Range(0, 50).Select(_ => "5;3;1\n"));
        var e = Fails(() => BallotCsv.Read("A;B;count\n" + rows + "5;abc;1\n" + rows, VotingMethod.Score));
        var error = Assert.Single(e.Errors);
        Assert.Equal((ErrorCodes.CsvNotANumber, 52, 2), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Csv_count_errors_name_the_line_and_the_option_column()
    {
        var file = BallotCsv.Read("count,A,B\n2,5,3\n1,4,9\n", VotingMethod.Score);
        var e = Fails(() => Tally.Count(VotingMethod.Score, file));
        Assert.Equal((ErrorCodes.ValueOutOfRange, 3, 3), (e.Code, e.Line, e.Column));
    }

    [Fact]
    public void Csv_reads_french_columns_and_semicolons()
    {
        var file = BallotCsv.Read("A;B;C;nombre;poids;groupe\n1;2;;3;0,5;jeunes\n;;;1;;\n", VotingMethod.Borda);

        Assert.Equal(["A", "B", "C"], file.OptionTokens);
        Assert.Equal(Ballot.Ranked("A", "B") with { Count = 3, Weight = 0.5m, Group = "jeunes" }, file.Ballots[0]);
        Assert.True(file.Ballots[1].IsBlank);
        var result = Tally.Count(VotingMethod.Borda, file);
        Assert.Equal((4L, 1L, 1.5m), (result.Ballots, result.BlankBallots, result.CountedWeight));
    }

    [Fact]
    public void Csv_equal_ranks_tie()
    {
        var file = BallotCsv.Read("A,B,C\n1,1,2\n", VotingMethod.Schulze);
        Assert.Equal(Ballot.Ranked([["A", "B"], ["C"]]), file.Ballots[0]);
    }

    [Fact]
    public void Csv_quoted_cells_may_hold_separators_quotes_and_line_breaks()
    {
        const string text = "\"Parc, nord\",\"Le \"\"jardin\"\"\",\"Rue principale\" , groupe\n 2 ,\"1\", ,\"aînés\nde l'est\"\n\n1,,2,\n";
        var file = BallotCsv.Read(text, VotingMethod.Borda);

        Assert.Equal(["Parc, nord", "Le \"jardin\"", "Rue principale"], file.OptionTokens);
        Assert.Equal(Ballot.Ranked("Le \"jardin\"", "Parc, nord") with { Group = "aînés\nde l'est" }, file.Ballots[0]);
        Assert.Equal(Ballot.Ranked("Parc, nord", "Rue principale"), file.Ballots[1]);
        // Lines are counted as written: the record after a two-line record and an empty line is on line 5.
        var e = Fails(() => BallotCsv.Read(text.Replace("1,,2,", "1,,x,"), VotingMethod.Borda));
        Assert.Equal((ErrorCodes.CsvBadRank, 5, 3), (e.Code, e.Line, e.Column));
    }

    [Fact]
    public void Csv_separator_is_the_one_the_header_uses_most()
    {
        var tabs = BallotCsv.Read("A, b\tB; c\tC\n1\t\t2\n", VotingMethod.Borda);
        Assert.Equal(["A, b", "B; c", "C"], tabs.OptionTokens);
        Assert.Equal(Ballot.Ranked("A, b", "C"), tabs.Ballots[0]);

        var semicolons = BallotCsv.Read("A;B,x;C\n2;1;\n", VotingMethod.Borda);
        Assert.Equal(["A", "B,x", "C"], semicolons.OptionTokens);
        Assert.Equal(Ballot.Ranked("B,x", "A"), semicolons.Ballots[0]);
    }
}
