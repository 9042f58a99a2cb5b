using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Tables.Voting;

/// <summary>
/// Ballots as CSV: a header row naming the options (and optionally <c>count</c>, <c>weight</c>, <c>group</c>, or in
/// French <c>nombre</c>, <c>poids</c>, <c>groupe</c>), then one row per ballot or per counted group of identical
/// ballots. An option's cell holds its rank (ranked methods: 1 = first, equal ranks tie, empty = unranked) or its
/// value (0/1, points, score or grade; empty = not marked). Comma, semicolon or tab separated (detected).
/// </summary>
public static class BallotCsv
{
    private static readonly string[] CountNames = ["count", "nombre"];
    private static readonly string[] WeightNames = ["weight", "poids"];
    private static readonly string[] GroupNames = ["group", "groupe"];

    /// <summary>Reads CSV for <paramref name="method"/>. Any error (with its line and column) imports nothing.</summary>
    /// <exception cref="VotingException">The file has errors.</exception>
    public static BallotFile Read(string text, VotingMethod method)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<VotingError>();
        void Error(string code, int line, int column, params (string Name, object? Value)[] arguments)
        {
            if (errors.Count < VotingException.MaxErrors)
            {
                errors.Add(new VotingError(code, arguments.ToDictionary(a => a.Name, a => a.Value), line, column));
            }
        }

        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            MissingFieldFound = null,
            HeaderValidated = null,
        };
        var badData = false;
        configuration.BadDataFound = args =>
        {
            badData = true;
            Error(ErrorCodes.CsvBadData, args.Context.Parser?.RawRow ?? 0, 1);
        };
        using var reader = new StringReader(text);
        using var csv = new CsvParser(reader, configuration);
        if (!csv.Read() || csv.Record is not { } header || header.All(string.IsNullOrWhiteSpace))
        {
            throw new VotingException(new VotingError(ErrorCodes.CsvEmpty, line: 1, column: 1));
        }
        int countColumn = -1, weightColumn = -1, groupColumn = -1;
        var optionColumns = new List<int>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < header.Length; c++)
        {
            var name = header[c].Trim();
            if (name.Length == 0)
            {
                Error(ErrorCodes.CsvEmptyColumnName, 1, c + 1);
                continue;
            }
            if (!seen.Add(name))
            {
                Error(ErrorCodes.CsvDuplicateColumn, 1, c + 1, ("name", name));
                continue;
            }
            if (CountNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                countColumn = c;
            }
            else if (WeightNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                weightColumn = c;
            }
            else if (GroupNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                groupColumn = c;
            }
            else if (!OptionList.IsValidToken(name))
            {
                Error(ErrorCodes.InvalidOptionToken, 1, c + 1, ("option", name), ("max", OptionList.MaxTokenLength));
            }
            else
            {
                optionColumns.Add(c);
            }
        }
        var options = optionColumns.Select(c => header[c].Trim()).ToArray();
        var ranked = method.Kind() == BallotKind.Ranked;
        var ballots = new List<Ballot>();
        var lines = new List<int>();
        while (errors.Count < VotingException.MaxErrors && csv.Read())
        {
            var line = csv.RawRow;
            var record = csv.Record!;
            if (badData)
            {
                badData = false;
                continue;
            }
            if (record.Length != header.Length)
            {
                Error(ErrorCodes.CsvFieldCount, line, Math.Min(record.Length, header.Length) + 1, ("expected", header.Length), ("found", record.Length));
                continue;
            }
            var count = 1L;
            if (countColumn >= 0 && record[countColumn].Length > 0
                && !long.TryParse(record[countColumn], NumberStyles.None, CultureInfo.InvariantCulture, out count))
            {
                Error(ErrorCodes.CsvNotANumber, line, countColumn + 1, ("value", record[countColumn]));
                continue;
            }
            var weight = 1m;
            if (weightColumn >= 0 && record[weightColumn].Length > 0
                && !decimal.TryParse(record[weightColumn].Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out weight))
            {
                Error(ErrorCodes.CsvNotANumber, line, weightColumn + 1, ("value", record[weightColumn]));
                continue;
            }
            var group = groupColumn >= 0 && record[groupColumn].Length > 0 ? record[groupColumn] : null;
            var marks = new List<(string Option, int Value)>();
            var ok = true;
            for (var k = 0; k < optionColumns.Count; k++)
            {
                var cell = record[optionColumns[k]];
                if (cell.Length == 0)
                {
                    continue;
                }
                if (!int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || (ranked && value < 1))
                {
                    Error(ranked ? ErrorCodes.CsvBadRank : ErrorCodes.CsvNotANumber, line, optionColumns[k] + 1, ("value", cell), ("option", options[k]));
                    ok = false;
                    break;
                }
                marks.Add((options[k], value));
            }
            if (!ok)
            {
                continue;
            }
            var ballot = marks.Count == 0
                ? Ballot.Blank
                : ranked
                    ? Ballot.Ranked(marks.GroupBy(m => m.Value).OrderBy(g => g.Key).Select(g => g.Select(m => m.Option)))
                    : Ballot.Rated(marks.ToArray());
            ballots.Add(ballot with { Count = count, Weight = weight, Group = group });
            lines.Add(line);
        }
        if (errors.Count > 0)
        {
            throw new VotingException(errors);
        }
        VotingError Locate(int index, VotingError error)
        {
            var column = error.Code switch
            {
                ErrorCodes.InvalidCount => countColumn,
                ErrorCodes.InvalidWeight => weightColumn,
                ErrorCodes.InvalidGroup => groupColumn,
                _ => error.Arguments.TryGetValue("option", out var o) && o is string token && Array.IndexOf(options, token) is var k and >= 0
                    ? optionColumns[k]
                    : optionColumns.FirstOrDefault(),
            };
            return error.At(lines[index], column + 1);
        }
        return new BallotFile(options.Select(o => new OptionDeclaration(o)).ToArray(), ballots, new Dictionary<string, string>(), Locate);
    }

    /// <summary>Writes the ballots as CSV (comma separated, invariant numbers): the options, then <c>count</c>, and
    /// <c>weight</c> and <c>group</c> when a ballot has them.</summary>
    public static string Write(IReadOnlyList<string> options, IEnumerable<Ballot> ballots)
    {
        ArgumentNullException.ThrowIfNull(options);
        var list = ballots.ToList();
        var withWeight = list.Any(b => b.Weight != 1m);
        var withGroup = list.Any(b => b.Group is not null);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }))
        {
            foreach (var option in options)
            {
                csv.WriteField(option);
            }
            csv.WriteField("count");
            if (withWeight)
            {
                csv.WriteField("weight");
            }
            if (withGroup)
            {
                csv.WriteField("group");
            }
            csv.NextRecord();
            foreach (var ballot in list)
            {
                var cells = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var g = 0; g < ballot.Ranking.Count; g++)
                {
                    foreach (var option in ballot.Ranking[g])
                    {
                        cells[option] = g + 1;
                    }
                }
                foreach (var (option, value) in ballot.Values)
                {
                    cells[option] = value;
                }
                foreach (var option in options)
                {
                    csv.WriteField(cells.TryGetValue(option, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "");
                }
                csv.WriteField(ballot.Count.ToString(CultureInfo.InvariantCulture));
                if (withWeight)
                {
                    csv.WriteField(ballot.Weight.ToString(CultureInfo.InvariantCulture));
                }
                if (withGroup)
                {
                    csv.WriteField(ballot.Group ?? "");
                }
                csv.NextRecord();
            }
        }
        return text.ToString();
    }
}
