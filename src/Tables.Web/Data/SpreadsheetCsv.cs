using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Tables.Web.Data;

/// <summary>
/// CSV meant to be opened in a spreadsheet: UTF-8 with a byte-order mark (so accents survive a double-click in Excel),
/// comma separated, and every cell that a spreadsheet would run as a formula (starting with = + − @, a tab or a carriage
/// return) neutralised with a leading apostrophe by <see cref="Tables.Voting.CsvText"/> — an idea typed on a phone must
/// never become a formula on a staff laptop.
/// </summary>
public static class SpreadsheetCsv
{
    /// <summary>The one rule for every CSV the app writes (<see cref="Tables.Voting.CsvText"/>).</summary>
    public static string Neutralise(string? cell) => Tables.Voting.CsvText.Neutralize(cell ?? "");

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            foreach (var name in header)
            {
                csv.WriteField(Neutralise(name));
            }
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(Neutralise(cell));
                }
                csv.NextRecord();
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
