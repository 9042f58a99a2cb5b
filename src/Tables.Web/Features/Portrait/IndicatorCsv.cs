using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Localization;
using Tables.Web.Resources;

namespace Tables.Web.Features.Portrait;

/// <summary>An error of an import file: its line (1 = the header), the column when there is one, what is wrong.</summary>
public sealed record CsvError(int Line, int? Column, string? ColumnName, string Message);

/// <summary>One indicator read from a file, with the line it came from.</summary>
public sealed record IndicatorRow(int Line, string Theme, string Label, decimal Value, string Unit, int Year, string Source,
    string? ComparisonTerritory, decimal? ComparisonValue, string? Note, KnowledgeKind Knowledge, string BroughtBy)
{
    public string Key => PortraitService.IndicatorKey(Theme, Label, Year);

    /// <summary>Writes this row's fields into an indicator (a new one, or the one it updates).</summary>
    public void CopyTo(PortraitIndicator indicator)
    {
        indicator.Theme = Theme;
        indicator.Label = Label;
        indicator.Value = Value;
        indicator.Unit = Unit;
        indicator.Year = Year;
        indicator.Source = Source;
        indicator.ComparisonTerritory = ComparisonTerritory;
        indicator.ComparisonValue = ComparisonValue;
        indicator.Note = Note;
        indicator.Knowledge = Knowledge;
        indicator.BroughtBy = BroughtBy;
        indicator.Key = Key;
    }
}

/// <summary>What the person importing says for rows that do not: the kind of knowledge and who brought the figures.</summary>
public sealed record ImportDefaults(KnowledgeKind? Knowledge, string? BroughtBy);

/// <summary>The rows of a file, or why it cannot be imported (then nothing is).</summary>
public sealed record IndicatorFile(IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<CsvError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Indicators as CSV (CsvHelper): one row per indicator, French or English column names, comma, semicolon or tab
/// between fields (detected), decimal comma or point, lines starting with # ignored. Reading checks everything and
/// names the line and column of each error; writing makes the template and the export (the same format, so an export
/// edited in a spreadsheet imports back as updates).
/// </summary>
public static partial class IndicatorCsv
{
    public const int MaxRows = 20_000;
    public const int MaxErrors = 200;
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Columns in file order: French name, English name, whether a file must have it.</summary>
    public static readonly IReadOnlyList<(string French, string English, bool Required)> Columns =
    [
        ("theme", "theme", true), ("libelle", "label", true), ("valeur", "value", true), ("unite", "unit", false), ("annee", "year", true),
        ("source", "source", true), ("territoire_comparaison", "comparison_territory", false), ("valeur_comparaison", "comparison_value", false),
        ("note", "note", false), ("savoir", "knowledge", false), ("apporte_par", "brought_by", false),
    ];

    private const int Theme = 0, Label = 1, Value = 2, Unit = 3, Year = 4, Source = 5, Territory = 6, Comparison = 7, Note = 8, Knowledge = 9, BroughtBy = 10;

    /// <summary>Reads UTF-8 bytes (with or without BOM). Any error: <see cref="IndicatorFile.Rows"/> is empty.</summary>
    public static IndicatorFile Read(ReadOnlySpan<byte> bytes, IReadOnlyList<string> themes, ImportDefaults defaults, IStringLocalizer<UiText> text)
    {
        string content;
        try
        {
            content = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + bytes[..Math.Clamp(e.Index, 0, bytes.Length)].Count((byte)'\n');
            return new IndicatorFile([], [new CsvError(line, null, null, text["Import.NotUtf8", line])]);
        }
        return Read(content, themes, defaults, text);
    }

    public static IndicatorFile Read(string content, IReadOnlyList<string> themes, ImportDefaults defaults, IStringLocalizer<UiText> text)
    {
        var errors = new List<CsvError>();
        var rows = new List<IndicatorRow>();
        content = content.TrimStart('\uFEFF');
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = Delimiter(content),
            AllowComments = true,
            Comment = '#',
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = a => errors.Add(new CsvError(a.Context.Parser?.RawRow ?? 0, null, null, text["Import.BadQuotes", a.Context.Parser?.RawRow ?? 0])),
        };
        using var parser = new CsvParser(new StringReader(content), config);
        if (!parser.Read())
        {
            return new IndicatorFile([], [new CsvError(1, null, null, text["Import.Empty"])]);
        }
        var header = parser.Record ?? [];
        var headerLine = parser.RawRow;
        var map = MapHeader(header, headerLine, errors, text);
        if (map is null || errors.Count > 0)
        {
            return new IndicatorFile([], errors);
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new RowReader(map, header, themes, defaults, text);
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            // A quoted field may hold line breaks: the record starts that many lines before the parser's line.
            var line = parser.RawRow - record.Sum(f => f.Count(c => c == '\n'));
            if (rows.Count + errors.Count >= MaxRows)
            {
                errors.Add(new CsvError(line, null, null, text["Import.TooManyRows", MaxRows]));
                break;
            }
            if (record.Length != header.Length)
            {
                errors.Add(new CsvError(line, null, null, text["Import.FieldCount", line, record.Length, header.Length]));
            }
            else if (reader.Read(line, record, errors) is { } row)
            {
                if (seen.TryGetValue(row.Key, out var first))
                {
                    errors.Add(new CsvError(line, map[Label] + 1, header[map[Label]], text["Import.Duplicate", line, row.Label, row.Year, first]));
                }
                else
                {
                    seen[row.Key] = line;
                    rows.Add(row);
                }
            }
            if (errors.Count >= MaxErrors)
            {
                break;
            }
        }
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new CsvError(headerLine, null, null, text["Import.NoRows"]));
        }
        return errors.Count > 0 ? new IndicatorFile([], errors) : new IndicatorFile(rows, []);
    }

    /// <summary>
    /// The separator the header line uses most (semicolon, comma or tab; semicolon when none): read from the header
    /// alone, as comments and quoted text further down may hold any of them.
    /// </summary>
    internal static string Delimiter(string content)
    {
        using var lines = new StringReader(content);
        string? line;
        while ((line = lines.ReadLine()) is not null)
        {
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            var counts = new[] { ';', ',', '\t' }.Select(d => (Delimiter: d, Count: line.Count(c => c == d))).ToList();
            var best = counts.MaxBy(c => c.Count);
            return best.Count == 0 ? ";" : best.Delimiter.ToString();
        }
        return ";";
    }

    /// <summary>Index in the file of each known column (-1 when absent); null with errors when the header is wrong.</summary>
    private static int[]? MapHeader(string[] header, int line, List<CsvError> errors, IStringLocalizer<UiText> text)
    {
        var map = Enumerable.Repeat(-1, Columns.Count).ToArray();
        for (var i = 0; i < header.Length; i++)
        {
            var name = ColumnName(header[i]);
            var known = Columns.Select((c, k) => (c, k)).FirstOrDefault(x => x.c.French == name || x.c.English == name);
            if (known.c.French is null)
            {
                errors.Add(new CsvError(line, i + 1, header[i], text["Import.UnknownColumn", header[i], string.Join(", ", Columns.Select(c => c.French))]));
            }
            else if (map[known.k] >= 0)
            {
                errors.Add(new CsvError(line, i + 1, header[i], text["Import.RepeatedColumn", header[i]]));
            }
            else
            {
                map[known.k] = i;
            }
        }
        foreach (var (column, k) in Columns.Select((c, k) => (c, k)).Where(x => x.c.Required && map[x.k] < 0))
        {
            errors.Add(new CsvError(line, null, column.French, text["Import.MissingColumn", column.French]));
        }
        return errors.Count == 0 ? map : null;
    }

    /// <summary>"Année" → "annee", "Apporté par" → "apporte_par".</summary>
    internal static string ColumnName(string header)
    {
        var b = new StringBuilder();
        foreach (var c in header.Trim().Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                b.Append(char.ToLowerInvariant(c));
            }
            else if (c is ' ' or '-' or '_' && b.Length > 0 && b[^1] != '_')
            {
                b.Append('_');
            }
        }
        return b.ToString().TrimEnd('_');
    }

    /// <summary>
    /// A figure as people type it: "12,5", "12.5", "1 234,5", "1,234.5", "-3"; thousands separated by spaces, or by
    /// repeated commas or points. A single comma or point is the decimal mark (French first).
    /// </summary>
    public static bool TryParseNumber(string raw, out decimal value)
    {
        value = 0;
        var s = new string(raw.Where(c => c is not (' ' or '\u00A0' or '\u202F' or '\u2009')).ToArray()).Replace('\u2212', '-').TrimStart('\'');
        if (s.Length == 0 || s.Length > 40)
        {
            return false;
        }
        var commas = s.Count(c => c == ',');
        var points = s.Count(c => c == '.');
        char? grouping = commas > 0 && points > 0 ? (s.LastIndexOf(',') > s.LastIndexOf('.') ? '.' : ',')
            : commas > 1 ? ',' : points > 1 ? '.' : null;
        if (grouping is { } g)
        {
            var decimalMark = g == ',' ? '.' : ',';
            var integer = s.Split(decimalMark)[0].TrimStart('-', '+').Split(g);
            // Thousands come in threes: "1,234,567" is a number, "1,2,5.3" is not.
            if (s.Count(c => c == decimalMark) > 1 || integer[0].Length is 0 or > 3 || integer.Skip(1).Any(part => part.Length != 3))
            {
                return false;
            }
            s = s.Replace(g.ToString(), "", StringComparison.Ordinal);
        }
        s = s.Replace(',', '.');
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>"terrain", "Savoir de terrain", "field", "académique", "experiential"…</summary>
    public static KnowledgeKind? ParseKnowledge(string raw)
    {
        var name = ColumnName(raw);
        foreach (var prefix in new[] { "savoir_de_", "savoir_", "knowledge_" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..];
            }
        }
        name = name.EndsWith("_knowledge", StringComparison.Ordinal) ? name[..^"_knowledge".Length] : name;
        return name switch
        {
            "terrain" or "field" or "practice" => KnowledgeKind.Field,
            "politique" or "political" or "policy" => KnowledgeKind.Political,
            "academique" or "academic" or "research" => KnowledgeKind.Academic,
            "experientiel" or "experiential" or "lived_experience" => KnowledgeKind.Experiential,
            _ => null,
        };
    }

    /// <summary>Reads and checks one data row; errors name the line and the column as the file spells it.</summary>
    private sealed class RowReader(int[] map, string[] header, IReadOnlyList<string> themes, ImportDefaults defaults, IStringLocalizer<UiText> text)
    {
        public IndicatorRow? Read(int line, string[] record, List<CsvError> errors)
        {
            var before = errors.Count;
            string Cell(int column) => map[column] < 0 ? "" : Unescape(record[map[column]]);
            void Error(int column, string message) =>
                errors.Add(new CsvError(line, map[column] < 0 ? null : map[column] + 1, map[column] < 0 ? Columns[column].French : header[map[column]], message));
            string Text(int column, int max, bool required)
            {
                var value = Cell(column);
                if (required && value.Length == 0)
                {
                    Error(column, text["Import.Required", line, Name(column)]);
                }
                else if (value.Length > max)
                {
                    Error(column, text["Import.TooLong", line, Name(column), max]);
                }
                return value;
            }
            string Name(int column) => map[column] < 0 ? Columns[column].French : header[map[column]];

            var themeCell = Text(Theme, PortraitRules.ThemeMax, true);
            var theme = themes.FirstOrDefault(t => PortraitService.SameText(t, themeCell));
            if (themeCell.Length > 0 && theme is null)
            {
                Error(Theme, text["Import.UnknownTheme", line, themeCell, string.Join(", ", themes)]);
            }
            var label = Text(Label, PortraitRules.LabelMax, true);
            var value = Number(Value, required: true);
            var unit = Text(Unit, PortraitRules.UnitMax, false);
            var yearCell = Cell(Year);
            int? year = null;
            if (yearCell.Length == 0)
            {
                Error(Year, text["Import.Required", line, Name(Year)]);
            }
            else if (!int.TryParse(yearCell, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < PortraitRules.YearMin || y > PortraitRules.YearMax)
            {
                Error(Year, text["Import.BadYear", line, yearCell, PortraitRules.YearMin, PortraitRules.YearMax]);
            }
            else
            {
                year = y;
            }
            var source = Text(Source, PortraitRules.SourceMax, true);
            var territory = Text(Territory, PortraitRules.TerritoryMax, false);
            var comparison = Number(Comparison, required: false);
            if (territory.Length == 0 && comparison is not null)
            {
                Error(Territory, text["Import.ComparisonTerritory", line]);
            }
            else if (territory.Length > 0 && Cell(Comparison).Length == 0)
            {
                Error(Comparison, text["Import.ComparisonValue", line, territory]);
            }
            var note = Text(Note, PortraitRules.NoteMax, false);
            var knowledgeCell = Cell(Knowledge);
            var knowledge = knowledgeCell.Length == 0 ? defaults.Knowledge : ParseKnowledge(knowledgeCell);
            if (knowledge is null)
            {
                Error(Knowledge, knowledgeCell.Length == 0 ? text["Import.NoKnowledge", line] : text["Import.UnknownKnowledge", line, knowledgeCell]);
            }
            var broughtBy = Text(BroughtBy, PortraitRules.BroughtByMax, false);
            if (broughtBy.Length == 0)
            {
                broughtBy = defaults.BroughtBy?.Trim() ?? "";
                if (broughtBy.Length == 0)
                {
                    Error(BroughtBy, text["Import.NoBroughtBy", line]);
                }
            }
            return errors.Count > before ? null
                : new IndicatorRow(line, theme!, label, value!.Value, unit, year!.Value, source, territory.Length > 0 ? territory : null, comparison,
                    note.Length > 0 ? note : null, knowledge!.Value, broughtBy);

            decimal? Number(int column, bool required)
            {
                var cell = Cell(column);
                if (cell.Length == 0)
                {
                    if (required)
                    {
                        Error(column, text["Import.Required", line, Name(column)]);
                    }
                    return null;
                }
                if (!TryParseNumber(cell, out var number))
                {
                    Error(column, text["Import.NotANumber", line, Name(column), cell]);
                    return null;
                }
                if (!PortraitRules.IsFigure(number))
                {
                    Error(column, text["Import.FigureRange", line, Name(column), cell]);
                    return null;
                }
                return number;
            }
        }

        /// <summary>Undoes the export's guard against spreadsheet formulas ('=…, and '' for a cell that itself began so).</summary>
        private static string Unescape(string cell) => IsGuarded(cell) ? cell[1..] : cell;
    }

    /// <summary>Starts with the export's guard: an apostrophe before =, +, -, @ or another apostrophe.</summary>
    internal static bool IsGuarded(string cell) => cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\'';
}
