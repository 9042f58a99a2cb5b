using CsCheck;

namespace Tables.Voting.Tests;

/// <summary>CSV injection: text cells a spreadsheet would run as formulas are written with an apostrophe in front
/// (OWASP), and reading gives the text back.</summary>
public sealed class CsvTextTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\rCR", "'\rCR")]
    [InlineData("'=already", "''=already")]
    [InlineData("Parc des Tilleuls", "Parc des Tilleuls")]
    [InlineData("l'=école", "l'=école")]
    [InlineData("'apostrophe", "'apostrophe")]
    [InlineData("", "")]
    public void Formula_like_text_gets_an_apostrophe_and_comes_back(string text, string cell)
    {
        Assert.Equal(cell, CsvText.Neutralize(text));
        Assert.Equal(text, CsvText.Restore(cell));
    }

    [Fact]
    public void Every_text_comes_back_and_no_cell_starts_a_formula()
    {
        Gen.OneOf(Gen.String, Gen.OneOfConst("=", "+", "-", "@", "\t", "\r", "'", "''", "a").Array[0, 6].Select(string.Concat)).Sample(text =>
        {
            var cell = CsvText.Neutralize(text);
            Assert.Equal(text, CsvText.Restore(cell));
            Assert.False(cell.Length > 0 && CsvText.StartsFormula(cell[0]), $"cell '{cell}' starts a formula");
        }, iter: 2000);
    }

    [Fact]
    public void Ballots_csv_neutralises_option_tokens_and_groups_and_counts_the_same_when_read_back()
    {
        string[] options = ["=HYPERLINK(\"http://x\")", "+1", "-moins", "@arobase", "Parc"];
        Ballot[] ballots =
        [
            Ballot.Ranked(options[0], options[1]) with { Count = 3, Group = "=1+2" },
            Ballot.Ranked(options[2], options[4]) with { Group = "@home" },
            Ballot.Ranked(options[3]) with { Count = 2, Group = "-jeunes" },
            Ballot.Ranked(options[4], options[0]) with { Group = "'=déjà" },
        ];

        var text = BallotCsv.Write(options, ballots);
        var lines = text.Split('\n');

        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-moins,'@arobase,Parc,count,group", lines[0]);
        Assert.EndsWith(",3,'=1+2", lines[1]);
        Assert.EndsWith(",1,'@home", lines[2]);
        Assert.EndsWith(",2,'-jeunes", lines[3]);
        Assert.EndsWith(",1,''=déjà", lines[4]);
        var file = BallotCsv.Read(text, VotingMethod.Schulze);
        Assert.Equal(options, file.OptionTokens);
        Assert.Equal(ballots, file.Ballots);
        var direct = Tally.Count(VotingMethod.Schulze, options, ballots);
        var reread = Tally.Count(VotingMethod.Schulze, file);
        Assert.Equal(direct.Ranking, reread.Ranking);
        Assert.Equal(direct.ByGroup!.Keys, reread.ByGroup!.Keys);
    }
}
