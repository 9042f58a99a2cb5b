using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Localization;
using Tables.Web.Resources;

namespace Tables.Web.Features.Portrait;

public static partial class IndicatorCsv
{
    /// <summary>
    /// The template: the header in the person's language, then lines starting with # (ignored on import) that explain
    /// the columns, list the table's themes and show an example. French files use ';' and a decimal comma, as French
    /// spreadsheets do; English ones ',' and a decimal point.
    /// </summary>
    public static string Template(IReadOnlyList<string> themes, CultureInfo culture, IStringLocalizer<UiText> text)
    {
        var french = culture.TwoLetterISOLanguageName == "fr";
        var separator = french ? ";" : ",";
        var lines = new List<string>
        {
            string.Join(separator, Columns.Select(c => french ? c.French : c.English)),
            "# " + text["Import.TemplateHelp"],
            "# " + text["Import.TemplateThemes", string.Join(" | ", themes)],
            "# " + text["Import.TemplateKnowledge"],
            "# " + string.Join(separator, french
                ? new[] { themes.FirstOrDefault() ?? "Habitation", "Ménages locataires", "68,5", "%", "2021", "Statistique Canada, Recensement 2021", "Montréal", "60,2", "", "académique", "Comité logement" }
                : new[] { themes.FirstOrDefault() ?? "Housing", "Renter households", "68.5", "%", "2021", "Statistics Canada, 2021 Census", "Montréal", "60.2", "", "academic", "Housing committee" }),
        };
        return string.Join("\r\n", lines) + "\r\n";
    }

    /// <summary>The portrait's indicators in the template's format (round trip: edit in a spreadsheet, import as updates).</summary>
    public static string Export(IEnumerable<PortraitIndicator> indicators, CultureInfo culture)
    {
        var french = culture.TwoLetterISOLanguageName == "fr";
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var delimiter = french ? ";" : ",";
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            NewLine = "\r\n",
            // A line break of either kind, the delimiter, a quote or edge spaces: quoted, so the cell reads back whole.
            ShouldQuote = a => a.Field is { } f && (f.Contains(delimiter, StringComparison.Ordinal) || f.IndexOfAny(['"', '\r', '\n']) >= 0 || f.Trim().Length != f.Length),
        });
        foreach (var column in Columns)
        {
            csv.WriteField(french ? column.French : column.English);
        }
        csv.NextRecord();
        foreach (var i in indicators)
        {
            csv.WriteField(Guard(i.Theme));
            csv.WriteField(Guard(i.Label));
            csv.WriteField(Number(i.Value, french));
            csv.WriteField(Guard(i.Unit));
            csv.WriteField(i.Year.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Guard(i.Source));
            csv.WriteField(Guard(i.ComparisonTerritory ?? ""));
            csv.WriteField(i.ComparisonValue is { } c ? Number(c, french) : "");
            csv.WriteField(Guard(i.Note ?? ""));
            csv.WriteField(KnowledgeToken(i.Knowledge, french));
            csv.WriteField(Guard(i.BroughtBy));
            csv.NextRecord();
        }
        csv.Flush();
        return writer.ToString();
    }

    /// <summary>The word the template asks for in the savoir / knowledge column.</summary>
    public static string KnowledgeToken(KnowledgeKind kind, bool french) => (kind, french) switch
    {
        (KnowledgeKind.Field, true) => "terrain",
        (KnowledgeKind.Political, true) => "politique",
        (KnowledgeKind.Academic, true) => "académique",
        (KnowledgeKind.Experiential, true) => "expérientiel",
        (KnowledgeKind.Field, false) => "field",
        (KnowledgeKind.Political, false) => "political",
        (KnowledgeKind.Academic, false) => "academic",
        _ => "experiential",
    };

    private static string Number(decimal value, bool french)
    {
        var s = value.ToString("0.######", CultureInfo.InvariantCulture);
        return french ? s.Replace('.', ',') : s;
    }

    /// <summary>
    /// A cell a spreadsheet would run as a formula (=, +, -, @) gets an apostrophe first, and so does one that already
    /// looks guarded; the importer removes exactly one.
    /// </summary>
    private static string Guard(string cell) => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' || IsGuarded(cell) ? "'" + cell : cell;
}
