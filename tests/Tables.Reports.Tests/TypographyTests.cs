using Tables.Reports.Pdf;

namespace Tables.Reports.Tests;

public sealed class TypographyTests
{
    private static readonly ReportCulture Fr = ReportCulture.French;
    private static readonly ReportCulture En = ReportCulture.English;

    [Theory]
    [InlineData("Thème : Habitation", "Thème\u00A0: Habitation")]
    [InlineData("Thème: Habitation", "Thème\u00A0: Habitation")]
    [InlineData("Vraiment ? Oui ! Enfin ; bon", "Vraiment\u202F? Oui\u202F! Enfin\u202F; bon")]
    [InlineData("« Les Tilleuls »", "«\u202FLes Tilleuls\u202F»")]
    [InlineData("«Les Tilleuls»", "«\u202FLes Tilleuls\u202F»")]
    [InlineData("à 19:00, voir https://tilleuls.example/a?b=1", "à 19:00, voir https://tilleuls.example/a?b=1")]
    [InlineData("44 % et 12 $", "44\u00A0% et 12\u00A0$")]
    public void French_typography_puts_no_break_spaces_where_they_belong(string input, string expected)
    {
        Assert.Equal(expected, Fr.Typeset(input));
        Assert.Equal(expected, Fr.Typeset(Fr.Typeset(input)));
    }

    [Fact]
    public void English_text_is_left_alone_but_normalized()
    {
        Assert.Equal("Status: done!", En.Typeset("Status: done!"));
        Assert.Equal("é", En.Typeset("e\u0301"));
    }

    [Fact]
    public void Numbers_money_percentages_and_dates_follow_the_language()
    {
        Assert.Equal("1\u00A0234,50\u00A0$", Fr.Money(1234.5m));
        Assert.Equal("$1,234.50", En.Money(1234.5m));
        Assert.Equal("44\u00A0%", Fr.Percent(0.44m));
        Assert.Equal("44%", En.Percent(0.44m));
        Assert.Equal("3,5", Fr.Number(3.5m, 1));
        Assert.Equal("12\u00A0juin\u00A02027", Fr.Date(new DateOnly(2027, 6, 12)));
        Assert.Equal("1er\u00A0juin\u00A02027", Fr.Date(new DateOnly(2027, 6, 1)));
        Assert.Equal("June 12, 2027", En.Date(new DateOnly(2027, 6, 12)));
        Assert.Equal("19\u00A0h\u00A030", Fr.Time(new DateTime(2027, 6, 12, 19, 30, 0)));
    }

    [Fact]
    public void Lines_break_between_words_only_and_long_addresses_at_safe_points()
    {
        using var skia = new SkiaCache();
        var context = new LayoutContext(skia, Fr);
        var paragraph = new Paragraph();
        var text = "Une place publique devant la bibliothèque : https://tilleuls.example/idees/place-publique-devant-la-bibliotheque?source=forum&annee=2026 et « des bancs » !";
        paragraph.Spans.Add(new Span { Text = text, Style = TextStyle.Default });
        var lines = paragraph.Lines(context, 120);
        var words = Fr.Typeset(text).Split(' ');
        foreach (var line in lines)
        {
            var content = string.Concat(line.Runs.Select(r => r.Text));
            Assert.True(line.Width <= 120.01f, $"'{content}' is {line.Width} wide");
            foreach (var piece in content.Split(' '))
            {
                // Every piece is a whole word, except the pieces of the web address (cut after / - . ? & =).
                Assert.True(words.Contains(piece) || (piece.Length > 0 && "/-.?&=_".Contains(piece[^1])) || words.Any(w => w.StartsWith("https", StringComparison.Ordinal) && w.EndsWith(piece, StringComparison.Ordinal)), piece);
            }
        }
        Assert.Contains(lines, l => l.Runs.Any(r => r.Text.Contains("bibliothèque\u00A0:", StringComparison.Ordinal)));
    }
}
