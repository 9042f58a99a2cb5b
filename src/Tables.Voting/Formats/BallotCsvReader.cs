using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Tables.Voting;

/// <summary>
/// Reads ballots as CSV row by row from a stream of text (see <see cref="BallotCsv"/>); each row goes straight into a
/// <see cref="FileBallots"/>, merged with the identical rows before it. Errors (up to
/// <see cref="VotingException.MaxErrors"/>) name the line and column.
/// </summary>
internal static class BallotCsvReader
{
    private static readonly string[] CountNames = ["count", "nombre"];
    private static readonly string[] WeightNames = ["weight", "poids"];
    private static readonly string[] GroupNames = ["group", "groupe"];

    public static async Task<BallotFile> ReadAsync(TextReader text, VotingMethod method, CancellationToken cancellationToken)
    {
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
            // Cells repeat ("1", "2", ""): one string each instead of one per cell.
            CacheFields = true,
        };
        var badData = false;
        configuration.BadDataFound = args =>
        {
            badData = true;
            Error(ErrorCodes.CsvBadData, args.Context.Parser?.RawRow ?? 0, 1);
        };
        using var csv = new CsvParser(text, configuration);
        if (!await csv.ReadAsync().ConfigureAwait(false) || csv.Record is not { } header || header.All(string.IsNullOrWhiteSpace))
        {
            throw new VotingException(new VotingError(ErrorCodes.CsvEmpty, line: 1, column: 1));
        }
        int countColumn = -1, weightColumn = -1, groupColumn = -1;
        var optionColumns = new List<int>();
        var options = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < header.Length; c++)
        {
            var name = CsvText.Restore(header[c].Trim());
            if (name.Length == 0)
            {
                Error(ErrorCodes.CsvEmptyColumnName, 1, c + 1);
            }
            else if (!seen.Add(name))
            {
                Error(ErrorCodes.CsvDuplicateColumn, 1, c + 1, ("name", name));
            }
            else if (CountNames.Contains(name, StringComparer.OrdinalIgnoreCase))
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
            else if (options.Count == Tally.MaxOptions)
            {
                Error(ErrorCodes.TooManyOptions, 1, c + 1, ("count", header.Length), ("max", Tally.MaxOptions));
            }
            else
            {
                optionColumns.Add(c);
                options.Add(name);
            }
        }
        var ranked = method.Kind() == BallotKind.Ranked;
        var file = new FileBallots(method.Kind())
        {
            CountColumn = countColumn + 1,
            WeightColumn = weightColumn + 1,
            GroupColumn = groupColumn + 1,
        };
        var cells = new (int Value, int Option)[optionColumns.Count];
        var positions = new byte[optionColumns.Count];
        var marks = new int[optionColumns.Count];
        var columns = new int[optionColumns.Count];
        var firstColumn = optionColumns.Count > 0 ? optionColumns[0] + 1 : 1;
        while (errors.Count < VotingException.MaxErrors && await csv.ReadAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = csv.RawRow;
            if (badData)
            {
                badData = false;
                continue;
            }
            if (csv.Count != header.Length)
            {
                Error(ErrorCodes.CsvFieldCount, line, Math.Min(csv.Count, header.Length) + 1, ("expected", header.Length), ("found", csv.Count));
                continue;
            }
            var count = 1L;
            if (countColumn >= 0 && csv[countColumn] is { Length: > 0 } countCell)
            {
                if (!long.TryParse(countCell, NumberStyles.None, CultureInfo.InvariantCulture, out count))
                {
                    Error(ErrorCodes.CsvNotANumber, line, countColumn + 1, ("value", countCell));
                    continue;
                }
                if (count < 1 || count > BallotValidator.MaxCount)
                {
                    Error(ErrorCodes.InvalidCount, line, countColumn + 1, ("value", count), ("max", BallotValidator.MaxCount));
                    continue;
                }
            }
            var weight = 1m;
            if (weightColumn >= 0 && csv[weightColumn] is { Length: > 0 } weightCell
                && !decimal.TryParse(weightCell.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out weight))
            {
                Error(ErrorCodes.CsvNotANumber, line, weightColumn + 1, ("value", weightCell));
                continue;
            }
            var group = groupColumn >= 0 && csv[groupColumn] is { Length: > 0 } groupCell ? CsvText.Restore(groupCell) : null;
            var n = 0;
            var ok = true;
            for (var k = 0; k < optionColumns.Count && ok; k++)
            {
                var cell = csv[optionColumns[k]];
                if (cell.Length == 0)
                {
                    continue;
                }
                if (!int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || (ranked && value < 1))
                {
                    Error(ranked ? ErrorCodes.CsvBadRank : ErrorCodes.CsvNotANumber, line, optionColumns[k] + 1, ("value", cell), ("option", options[k]));
                    ok = false;
                }
                cells[n++] = (value, k);
            }
            if (!ok)
            {
                continue;
            }
            if (ranked)
            {
                // Rank 1 first; equal ranks tie, in column order.
                Array.Sort(cells, 0, n, Comparer<(int Value, int Option)>.Default);
            }
            for (var k = 0; k < n; k++)
            {
                positions[k] = (byte)cells[k].Option;
                marks[k] = !ranked ? cells[k].Value : k == 0 ? 0 : marks[k - 1] + (cells[k].Value == cells[k - 1].Value ? 0 : 1);
                columns[k] = optionColumns[cells[k].Option] + 1;
            }
            file.Add(line, firstColumn, positions.AsSpan(0, n), marks.AsSpan(0, n), columns.AsSpan(0, n), count, weight, group);
        }
        if (errors.Count > 0)
        {
            throw new VotingException(errors);
        }
        file.EndReading();
        return new BallotFile(options.Select(o => new OptionDeclaration(o)).ToArray(), new Dictionary<string, string>(), file);
    }
}
