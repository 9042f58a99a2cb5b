using System.Globalization;
using System.Text;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Tables.Web.Features.Portrait;
using Tables.Web.Resources;

namespace Tables.Web.Tests.Features.Portrait;

/// <summary>Reading and writing indicator files (pure): a good file, each kind of bad file with its line and column, round trips.</summary>
public sealed class IndicatorCsvTests
{
    private static readonly string[] Themes = ["Habitation", "Sécurité alimentaire", "Transport et mobilité"];
    private static readonly ImportDefaults NoDefaults = new(null, null);
    private const string FrenchHeader = "theme;libelle;valeur;unite;annee;source;territoire_comparaison;valeur_comparaison;note;savoir;apporte_par";

    internal static IStringLocalizer<UiText> Text()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-CA");
        return new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<UiText>>();
    }

    private static IndicatorFile Read(string content, ImportDefaults? defaults = null) => IndicatorCsv.Read(content, Themes, defaults ?? NoDefaults, Text());

    [Fact]
    public void A_french_spreadsheet_file_reads_every_row_with_decimal_commas_comments_and_a_bom()
    {
        var file = "\uFEFF" + FrenchHeader + "\r\n"
            + "# une ligne de commentaire\r\n"
            + "Habitation;Ménages locataires;70,1;%;2021;Recensement 2021;Montréal;60,2;;académique;Comité logement\r\n"
            + "\r\n"
            + "habitation;Loyer médian;1 234,5;$;2021;Recensement 2021;;;Hausse;Savoir de terrain;Comité logement\r\n"
            + "Sécurité alimentaire;\"Visites; par mois\";1250;visites;2024;Registre;;;\"Deux\nlignes\";expérientiel;Forum\r\n";

        var read = Read(file);

        Assert.True(read.IsValid, string.Join("\n", read.Errors.Select(e => e.Message)));
        Assert.Equal(3, read.Rows.Count);
        var first = read.Rows[0];
        Assert.Equal((3, "Habitation", "Ménages locataires", 70.1m, "%", 2021), (first.Line, first.Theme, first.Label, first.Value, first.Unit, first.Year));
        Assert.Equal(("Montréal", 60.2m, KnowledgeKind.Academic, "Comité logement"), (first.ComparisonTerritory, first.ComparisonValue, first.Knowledge, first.BroughtBy));
        Assert.Equal("Habitation", read.Rows[1].Theme);
        Assert.Equal(1234.5m, read.Rows[1].Value);
        Assert.Equal(KnowledgeKind.Field, read.Rows[1].Knowledge);
        Assert.Equal((6, "Visites; par mois", "Deux\nlignes", KnowledgeKind.Experiential), (read.Rows[2].Line, read.Rows[2].Label, read.Rows[2].Note, read.Rows[2].Knowledge));
    }

    [Fact]
    public void An_english_file_with_commas_and_decimal_points_reads_too()
    {
        var read = Read("Theme,Label,Value,Unit,Year,Source,Comparison territory,Comparison value,Knowledge,Brought by\n"
            + "Transport et mobilité,\"Households, no car\",51.0,%,2021,Census,Montréal,32.5,academic,Table\n");

        var row = Assert.Single(read.Rows);
        Assert.Equal(("Households, no car", 51.0m, 32.5m, KnowledgeKind.Academic), (row.Label, row.Value, row.ComparisonValue, row.Knowledge));
    }

    [Fact]
    public void The_defaults_fill_rows_that_do_not_say_their_kind_of_knowledge_or_who_brought_them()
    {
        var read = Read("theme;libelle;valeur;annee;source\nHabitation;Ménages;12;2021;Recensement\n", new ImportDefaults(KnowledgeKind.Academic, "CIUSSS"));

        var row = Assert.Single(read.Rows);
        Assert.Equal((KnowledgeKind.Academic, "CIUSSS", ""), (row.Knowledge, row.BroughtBy, row.Unit));
    }

    public static TheoryData<string, string, int, string?, string> BadFiles => new()
    {
        // name, file, line, column name (null: the whole line), words of the message
        { "empty", "", 1, null, "vide" },
        { "header only", FrenchHeader + "\n", 1, null, "aucune ligne" },
        { "missing column", "theme;libelle;valeur;annee\nHabitation;X;1;2021\n", 1, "source", "Colonne manquante" },
        { "unknown column", FrenchHeader + ";couleur\n", 1, "couleur", "Colonne inconnue" },
        { "repeated column", FrenchHeader + ";valeur\n", 1, "valeur", "deux fois" },
        { "field count", FrenchHeader + "\nHabitation;X;1\n", 2, null, "nombre de champs 3 au lieu de 11" },
        { "empty label", FrenchHeader + "\nHabitation;;1;%;2021;S;;;;terrain;B\n", 2, "libelle", "est vide" },
        { "not a number", FrenchHeader + "\nHabitation;X;douze;%;2021;S;;;;terrain;B\n", 2, "valeur", "n'est pas un nombre" },
        { "two decimal marks", FrenchHeader + "\nHabitation;X;1,2,5.3;%;2021;S;;;;terrain;B\n", 2, "valeur", "n'est pas un nombre" },
        { "figure too large", FrenchHeader + "\nHabitation;X;99999999999999;%;2021;S;;;;terrain;B\n", 2, "valeur", "hors limites" },
        { "year", FrenchHeader + "\nHabitation;X;1;%;20211;S;;;;terrain;B\n", 2, "annee", "n'est pas une année" },
        { "year not a number", FrenchHeader + "\nHabitation;X;1;%;2021,5;S;;;;terrain;B\n", 2, "annee", "n'est pas une année" },
        { "unknown theme", FrenchHeader + "\nSport;X;1;%;2021;S;;;;terrain;B\n", 2, "theme", "n'est pas un thème de la table" },
        { "unknown knowledge", FrenchHeader + "\nHabitation;X;1;%;2021;S;;;;rumeur;B\n", 2, "savoir", "n'est pas un type de savoir" },
        { "no knowledge", FrenchHeader + "\nHabitation;X;1;%;2021;S;;;;;B\n", 2, "savoir", "quel type de savoir" },
        { "no brought by", FrenchHeader + "\nHabitation;X;1;%;2021;S;;;;terrain;\n", 2, "apporte_par", "qui apporte" },
        { "comparison without territory", FrenchHeader + "\nHabitation;X;1;%;2021;S;;4;;terrain;B\n", 2, "territoire_comparaison", "doit dire son territoire" },
        { "territory without value", FrenchHeader + "\nHabitation;X;1;%;2021;S;Montréal;;;terrain;B\n", 2, "valeur_comparaison", "n'a pas de valeur" },
        { "too long", FrenchHeader + $"\nHabitation;{new string('x', 201)};1;%;2021;S;;;;terrain;B\n", 2, "libelle", "dépasse 200" },
        { "duplicate", FrenchHeader + "\nHabitation;Loyer;1;$;2021;S;;;;terrain;B\nhabitation;LOYER ;2;$;2021;S;;;;terrain;B\n", 3, "libelle", "déjà à la ligne 2" },
        { "bad quotes", FrenchHeader + "\nHabitation;Un \"mot\" cité;1;%;2021;S;;;;terrain;B\n", 2, null, "guillemets" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_imports_nothing_and_says_the_line_and_column_of_the_error(string name, string file, int line, string? column, string words)
    {
        var read = Read(file);

        Assert.False(read.IsValid, name);
        Assert.Empty(read.Rows);
        var error = Assert.Single(read.Errors, e => e.Message.Contains(words, StringComparison.Ordinal));
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.ColumnName);
        if (column is not null && line > 1)
        {
            Assert.Contains($"Ligne {line}", error.Message, StringComparison.Ordinal);
            Assert.NotNull(error.Column);
        }
    }

    [Fact]
    public void A_file_that_is_not_utf8_says_which_line_and_how_to_save_it()
    {
        var bytes = Encoding.UTF8.GetBytes(FrenchHeader + "\nHabitation;Loyer;1;$;2021;S;;;;terrain;B\n").Concat(new byte[] { 0x4D, 0xE9, 0x6E, 0x61, 0x67, 0x65, 0x0A }).ToArray();

        var read = IndicatorCsv.Read(bytes, Themes, NoDefaults, Text());

        var error = Assert.Single(read.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("CSV UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1\u00A0234,5", 1234.5)]
    [InlineData("1\u202F234", 1234)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("-3,2", -3.2)]
    [InlineData("\u22123", -3)]
    [InlineData("'-3", -3)]
    public void Figures_read_as_people_type_them(string typed, double expected)
    {
        Assert.True(IndicatorCsv.TryParseNumber(typed, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("douze")]
    [InlineData("12 %")]
    [InlineData("1,2,3.4,5")]
    [InlineData("1e5")]
    public void Text_that_is_not_a_figure_is_refused(string typed) => Assert.False(IndicatorCsv.TryParseNumber(typed, out _));

    [Fact]
    public void The_template_is_a_header_and_comments_in_the_persons_language()
    {
        var text = Text();
        var french = IndicatorCsv.Template(Themes, new CultureInfo("fr-CA"), text);
        var english = IndicatorCsv.Template(Themes, new CultureInfo("en-CA"), text);

        Assert.StartsWith(FrenchHeader + "\r\n#", french, StringComparison.Ordinal);
        Assert.Contains("Habitation | Sécurité alimentaire | Transport et mobilité", french, StringComparison.Ordinal);
        Assert.StartsWith("theme,label,value,unit,year,source,comparison_territory", english, StringComparison.Ordinal);
        // Imported as is, it holds no indicator: the examples are comments.
        Assert.Contains(Read(french).Errors, e => e.Message.Contains("aucune ligne", StringComparison.Ordinal));
    }

    private static readonly Gen<PortraitIndicator> Indicator = Gen.Select(
        Gen.OneOfConst(Themes), Gen.String[Gen.Char["a-zA-Zéèàç ,;\"'=+-"], 1, 40].Where(s => s.Trim().Length > 0),
        Gen.Decimal[-1_000_000m, 1_000_000m].Select(d => Math.Round(d, 3)), Gen.Int[1900, 2100], Gen.OneOfConst(KnowledgeKind.Field, KnowledgeKind.Academic, KnowledgeKind.Political, KnowledgeKind.Experiential),
        Gen.Bool,
        (theme, label, value, year, knowledge, compared) => new PortraitIndicator
        {
            Theme = theme, Label = label.Trim(), Value = value, Unit = "%", Year = year, Source = "=Source, \"citée\"", Knowledge = knowledge, BroughtBy = "-Comité",
            ComparisonTerritory = compared ? "Montréal" : null, ComparisonValue = compared ? value / 2 : null, Note = compared ? "Note; avec\nligne" : null,
        });

    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public void An_export_reads_back_as_the_same_indicators(string culture)
    {
        var text = Text();
        Indicator.Array[1, 30].Sample(list =>
        {
            var indicators = list.DistinctBy(i => PortraitService.IndicatorKey(i.Theme, i.Label, i.Year)).ToList();
            var csv = IndicatorCsv.Export(indicators, new CultureInfo(culture));
            var read = IndicatorCsv.Read(csv, Themes, NoDefaults, text);
            Assert.True(read.IsValid, string.Join("\n", read.Errors.Select(e => e.Message)) + "\n" + csv);
            Assert.Equal(
                indicators.Select(i => (i.Theme, i.Label, i.Value, i.Year, i.Source, i.ComparisonTerritory, i.ComparisonValue, i.Note, i.Knowledge, i.BroughtBy)),
                read.Rows.Select(r => (r.Theme, r.Label, r.Value, r.Year, r.Source, r.ComparisonTerritory, r.ComparisonValue, r.Note, r.Knowledge, r.BroughtBy)));
        }, iter: 200);
    }

    [Fact]
    public void Any_text_reads_without_throwing_and_every_error_has_a_line_and_a_message()
    {
        var text = Text();
        var pieces = Gen.OneOfConst(";", ",", "\t", "\n", "\r\n", "\"", "#", " ", "Habitation", "theme", "valeur", "libelle", "annee", "source", "1,5", "2021", "terrain", "é", "\uFEFF", "\0", "x");
        Gen.OneOf(pieces.Array[0, 80].Select(string.Concat), Gen.String).Sample(content =>
        {
            var read = IndicatorCsv.Read(content, Themes, new ImportDefaults(KnowledgeKind.Field, "B"), text);
            Assert.True(read.IsValid || read.Rows.Count == 0);
            Assert.All(read.Errors, e => Assert.True(e.Line >= 1 && e.Message.Length > 0, $"{e} for {content}"));
        }, iter: 2000);
    }
}
