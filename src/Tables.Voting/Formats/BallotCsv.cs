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
    /// <summary>Reads CSV for <paramref name="method"/>. Any error (with its line and column) imports nothing.</summary>
    /// <exception cref="VotingException">The file has errors.</exception>
    public static BallotFile Read(string text, VotingMethod method)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A StringReader completes every read at once: this does not block.
        return BallotCsvReader.ReadAsync(new StringReader(text), method, CancellationToken.None, bufferSize: Math.Min(text.Length + 1, 64 * 1024))
            .GetAwaiter().GetResult();
    }

    /// <summary>Reads CSV from a stream of text, row by row (identical rows are merged as they come). Any error (with its
    /// line and column) imports nothing.</summary>
    /// <exception cref="VotingException">The file has errors.</exception>
    public static Task<BallotFile> ReadAsync(TextReader text, VotingMethod method, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return BallotCsvReader.ReadAsync(text, method, cancellationToken);
    }

    /// <summary>Writes the ballots as CSV (comma separated, invariant numbers): the options, then <c>count</c>, and
    /// <c>weight</c> and <c>group</c> when a ballot has them. Text cells (option tokens, groups) go through
    /// <see cref="CsvText.Neutralize"/>, so that no spreadsheet runs them as formulas; reading gives them back.</summary>
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
                csv.WriteField(CsvText.Neutralize(option));
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
                    csv.WriteField(CsvText.Neutralize(ballot.Group ?? ""));
                }
                csv.NextRecord();
            }
        }
        return text.ToString();
    }
}
