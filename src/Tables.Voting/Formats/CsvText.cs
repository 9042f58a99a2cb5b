namespace Tables.Voting;

/// <summary>
/// Text in CSV files that people open in a spreadsheet. A cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// a tab or a carriage return is run as a formula by Excel, LibreOffice or Google Sheets (CSV injection: a group or an
/// idea named <c>=HYPERLINK(…)</c>). As OWASP recommends, <see cref="Neutralize"/> writes such text with a leading
/// apostrophe, so the spreadsheet shows it as text; <see cref="Restore"/> takes the apostrophe off when reading, so
/// writing then reading gives the text back. Text already starting with apostrophes before one of these characters
/// gets one more, so that every text survives the round trip. Use it for every text cell (names, labels, groups,
/// ideas), not for numbers; the CSV writer must still quote cells as RFC 4180 says (CsvHelper does).
/// </summary>
public static class CsvText
{
    /// <summary>The apostrophe put before a cell that a spreadsheet would run.</summary>
    public const char Escape = '\'';

    /// <summary>Whether a spreadsheet would read a cell starting with <paramref name="c"/> as a formula.</summary>
    public static bool StartsFormula(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary><paramref name="text"/> as a cell a spreadsheet shows as text: with an apostrophe in front when it starts
    /// (after any apostrophes) with = + - @, a tab or a carriage return; else unchanged.</summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NeedsEscape(text) ? Escape + text : text;
    }

    /// <summary>The text a cell written by <see cref="Neutralize"/> stands for (one apostrophe fewer when it was added).</summary>
    public static string Restore(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == Escape && NeedsEscape(cell.AsSpan(1)) ? cell[1..] : cell;
    }

    private static bool NeedsEscape(ReadOnlySpan<char> text)
    {
        var first = text.IndexOfAnyExcept(Escape);
        return first >= 0 && StartsFormula(text[first]);
    }
}
