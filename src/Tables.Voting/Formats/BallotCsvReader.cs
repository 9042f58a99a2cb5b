using System.Globalization;

namespace Tables.Voting;

/// <summary>
/// Reads ballots as CSV row by row from a stream of text (see <see cref="BallotCsv"/>; records by
/// <see cref="CsvRecords"/>, without a string per cell); each row goes straight into a <see cref="FileBallots"/>, merged
/// with the identical rows before it. Errors (up to <see cref="VotingException.MaxErrors"/>) name the line and column.
/// </summary>
internal static class BallotCsvReader
{
    private static readonly string[] CountNames = ["count", "nombre"];
    private static readonly string[] WeightNames = ["weight", "poids"];
    private static readonly string[] GroupNames = ["group", "groupe"];

    public static async Task<BallotFile> ReadAsync(TextReader text, VotingMethod method, CancellationToken cancellationToken,
        int bufferSize = 64 * 1024)
    {
        var errors = new List<VotingError>();
        void Error(string code, int line, int column, params (string Name, object? Value)[] arguments)
        {
            if (errors.Count < VotingException.MaxErrors)
            {
                errors.Add(new VotingError(code, arguments.ToDictionary(a => a.Name, a => a.Value), line, column));
            }
        }

        var csv = new CsvRecords(new TextLines(text, bufferSize));
        if (!await csv.ReadAsync(cancellationToken).ConfigureAwait(false) || AllEmpty(csv))
        {
            throw new VotingException(new VotingError(ErrorCodes.CsvEmpty, line: 1, column: 1));
        }
        if (csv.BadData)
        {
            Error(ErrorCodes.CsvBadData, csv.Line, 1);
        }
        var columns = csv.Count;
        int countColumn = -1, weightColumn = -1, groupColumn = -1;
        var optionColumns = new List<int>();
        var options = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < columns; c++)
        {
            var name = CsvText.Restore(csv[c].ToString());
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
                Error(ErrorCodes.TooManyOptions, 1, c + 1, ("count", columns), ("max", Tally.MaxOptions));
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
        var at = new int[optionColumns.Count];
        var firstColumn = optionColumns.Count > 0 ? optionColumns[0] + 1 : 1;
        var groupNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var groupLookup = groupNames.GetAlternateLookup<ReadOnlySpan<char>>();
        // Rows already read (one ballot a row repeats the same rows), as for ABIF lines.
        var rows = new SeenLines();
        while (errors.Count < VotingException.MaxErrors && await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var line = csv.Line;
            if (csv.BadData)
            {
                Error(ErrorCodes.CsvBadData, line, 1);
                continue;
            }
            if (rows.TryRepeat(csv.Raw, file))
            {
                continue;
            }
            if (csv.Count != columns)
            {
                Error(ErrorCodes.CsvFieldCount, line, Math.Min(csv.Count, columns) + 1, ("expected", columns), ("found", csv.Count));
                continue;
            }
            var count = 1L;
            if (countColumn >= 0 && csv[countColumn] is { Length: > 0 } countCell)
            {
                if (!long.TryParse(countCell, NumberStyles.None, CultureInfo.InvariantCulture, out count))
                {
                    Error(ErrorCodes.CsvNotANumber, line, countColumn + 1, ("value", countCell.ToString()));
                    continue;
                }
                if (count < 1 || count > BallotValidator.MaxCount)
                {
                    Error(ErrorCodes.InvalidCount, line, countColumn + 1, ("value", count), ("max", BallotValidator.MaxCount));
                    continue;
                }
            }
            var weight = 1m;
            if (weightColumn >= 0 && csv[weightColumn] is { Length: > 0 } weightCell && !TryParseWeight(weightCell, out weight))
            {
                Error(ErrorCodes.CsvNotANumber, line, weightColumn + 1, ("value", weightCell.ToString()));
                continue;
            }
            string? group = null;
            if (groupColumn >= 0 && csv[groupColumn] is { Length: > 0 } groupCell && !groupLookup.TryGetValue(groupCell, out group))
            {
                // Groups are few: one string each.
                group = CsvText.Restore(groupCell.ToString());
                groupLookup[groupCell] = group;
            }
            var n = 0;
            var ok = true;
            for (var k = 0; k < optionColumns.Count && ok; k++)
            {
                var cell = csv[optionColumns[k]];
                if (cell.Length == 0)
                {
                    continue;
                }
                if (!TryParseCell(cell, out var value) || (ranked && value < 1))
                {
                    Error(ranked ? ErrorCodes.CsvBadRank : ErrorCodes.CsvNotANumber, line, optionColumns[k] + 1, ("value", cell.ToString()), ("option", options[k]));
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
                // Rank 1 first; equal ranks tie, in column order (insertion sort: a row has few cells, and it is stable).
                for (var k = 1; k < n; k++)
                {
                    var cell = cells[k];
                    var j = k - 1;
                    for (; j >= 0 && cells[j].Value > cell.Value; j--)
                    {
                        cells[j + 1] = cells[j];
                    }
                    cells[j + 1] = cell;
                }
            }
            for (var k = 0; k < n; k++)
            {
                positions[k] = (byte)cells[k].Option;
                marks[k] = !ranked ? cells[k].Value : k == 0 ? 0 : marks[k - 1] + (cells[k].Value == cells[k - 1].Value ? 0 : 1);
                at[k] = optionColumns[cells[k].Option] + 1;
            }
            var ballot = file.Add(line, firstColumn, positions.AsSpan(0, n), marks.AsSpan(0, n), at.AsSpan(0, n), count, weight, group);
            rows.Remember(csv.Raw, ballot, count);
        }
        if (errors.Count > 0)
        {
            throw new VotingException(errors);
        }
        file.EndReading();
        return new BallotFile(options.Select(o => new OptionDeclaration(o)).ToArray(), new Dictionary<string, string>(), file);
    }

    private static bool AllEmpty(CsvRecords csv)
    {
        for (var c = 0; c < csv.Count; c++)
        {
            if (!csv[c].IsWhiteSpace())
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A whole number, optionally signed; short unsigned ones (ranks, grades) without the general parser.</summary>
    private static bool TryParseCell(ReadOnlySpan<char> cell, out int value)
    {
        value = 0;
        if (cell.Length is > 0 and <= 9)
        {
            foreach (var c in cell)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
                }
                value = value * 10 + (c - '0');
            }
            return true;
        }
        return int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A weight written with "." or "," as the decimal separator.</summary>
    private static bool TryParseWeight(ReadOnlySpan<char> cell, out decimal weight)
    {
        Span<char> copy = stackalloc char[Math.Min(cell.Length, 64)];
        if (cell.Length > copy.Length)
        {
            weight = 0;
            return false;
        }
        cell.CopyTo(copy);
        copy.Replace(',', '.');
        return decimal.TryParse(copy, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out weight);
    }
}
