using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Voting;
using Tables.Web.Data;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Ballots;

/// <summary>
/// A closed ballot's votes as ABIF or CSV, and its stored result as JSON: anonymous (identical ballots aggregated into
/// counted lines in a canonical order, so neither a person nor the order of voting can be read back) and re-countable
/// through <c>POST /api/tally</c> with the method options and seed the JSON gives.
/// </summary>
public static class BallotExports
{
    /// <summary>An export as the HTTP answer carries it: a file name, a type and its bytes.</summary>
    public sealed record Export(string FileName, string ContentType, byte[] Content)
    {
        public Export(string fileName, string contentType, string text) : this(fileName, contentType, Encoding.UTF8.GetBytes(text))
        {
        }
    }

    public static async Task<Export> BuildAsync(TablesDbContext db, ResultDisclosure disclosure, TableAccess access, int ballotId, string format, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var ballot = await db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == ballotId && b.TableId == access.Table.Id, ct)
            ?? throw new NotFoundException();
        if (ballot.Status != BallotStatus.Closed)
        {
            // Before close the votes are still moving and may be hidden from the room.
            throw new NotFoundException();
        }
        var name = $"{access.Table.Slug}-scrutin-{ballot.Id}";
        if (format == "json")
        {
            return new Export(name + "-resultat.json", "application/json", ResultDocument(ballot, disclosure));
        }
        if (format == "options")
        {
            return new Export(name + "-options.csv", "text/csv", OptionsCsv(ballot, text));
        }
        var votes = await db.Votes.AsNoTracking().Where(v => v.BallotId == ballot.Id).Select(v => new { v.Content, v.Group }).ToListAsync(ct);
        // A secret ballot's export carries no group, an open one's none smaller than the setting (ResultDisclosure).
        var groups = disclosure.ChoiceGroups(ballot, [.. votes.Select(v => v.Group)]);
        var ballots = Aggregate(votes.Select((v, i) => VotingBallotCounter.ToVoting(v.Content, groups[i])));
        return format == "csv"
            ? new Export(name + ".csv", "text/csv", BallotCsv.Write(VotingBallotCounter.Tokens(ballot), ballots))
            : new Export(name + ".abif", "text/plain", Abif.Write(ballot.Options.Select(o => new OptionDeclaration(o.Token, o.Label)).ToArray(), ballots,
                new Dictionary<string, string>
                {
                    ["title"] = ballot.Question,
                    ["method"] = ballot.Method.Token(),
                    ["recount"] = "/api/tally?" + RecountQuery(ballot),
                }));
    }

    /// <summary>The query string that re-counts the export with the same method, options and seed.</summary>
    public static string RecountQuery(Ballot ballot) =>
        string.Join('&', VotingBallotCounter.Options(ballot, ballot.Seed).ToParameters()
            .Prepend(KeyValuePair.Create("method", ballot.Method.Token()))
            .Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));

    /// <summary>Identical ballots as one counted line each, most frequent first, then in ordinal text order.</summary>
    public static List<Voting.Ballot> Aggregate(IEnumerable<Voting.Ballot> ballots) =>
        ballots.GroupBy(b => b)
            .Select(g => g.Key with { Count = g.Sum(b => b.Count) })
            .OrderByDescending(b => b.Count).ThenBy(b => b.ToString(), StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// What each token of the ballots CSV means: the option's label (and the idea it was made from), so the CSV can be
    /// read without the app. A second file keeps the ballots CSV re-countable as it is by <c>POST /api/tally</c>.
    /// </summary>
    private static byte[] OptionsCsv(Ballot ballot, IStringLocalizer<UiText> text) =>
        SpreadsheetCsv.Write([text["Export.Option"], text["Export.Label"], text["Export.Idea"]],
            ballot.Options.Select(o => (IReadOnlyList<string?>)[o.Token, o.Label, o.IdeaId?.ToString(System.Globalization.CultureInfo.InvariantCulture)]));

    private static string ResultDocument(Ballot ballot, ResultDisclosure disclosure)
    {
        var stored = disclosure.StoredResult(ballot);
        return JsonSerializer.Serialize(new
        {
            ballot = ballot.Id,
            question = ballot.Question,
            method = ballot.Method,
            options = ballot.Options.Select(o => new { token = o.Token, label = o.Label }),
            closedAt = ballot.ClosedAt,
            seed = ballot.Seed,
            recount = "/api/tally?" + RecountQuery(ballot),
            tally = stored?.Explanation,
        }, TablesJson.Options);
    }

    public static void MapBallotExports(this IEndpointRouteBuilder app)
    {
        var ballots = app.MapGroup("/api/tables/{slug}/ballots").WithTags("Forums");
        foreach (var (suffix, format) in new[] { ("ballots.abif", "abif"), ("ballots.csv", "csv"), ("options.csv", "options"), ("result.json", "json") })
        {
            ballots.MapGet("/{id:int}/" + suffix, async Task<FileContentHttpResult> (string slug, int id, HttpContext http, TablesDbContext db, IStringLocalizer<UiText> text, ResultDisclosure disclosure) =>
            {
                var access = await http.AuthorizeTableAsync(slug, TablePolicies.Read);
                var export = await BuildAsync(db, disclosure, access, id, format, text, http.RequestAborted);
                return TypedResults.File(export.Content, export.ContentType + "; charset=utf-8", export.FileName);
            }).WithSummary(format switch
            {
                "json" => "The closed ballot's stored result with its explanation, seed and the query that re-counts it.",
                "options" => "What the tokens of the ballots CSV mean: each option's token, label and idea (a spreadsheet file).",
                _ => $"The closed ballot's votes as {format.ToUpperInvariant()}, anonymous and aggregated; re-count with POST /api/tally.",
            });
        }

    }
}
