using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tables.Voting;
using Tables.Web.Data;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Ballots;

/// <summary>
/// A closed ballot's votes as ABIF or CSV, and its stored result as JSON: anonymous (identical ballots aggregated into
/// counted lines in a canonical order, so neither a person nor the order of voting can be read back) and re-countable
/// through <c>POST /api/tally</c> with the method options and seed the JSON gives.
/// </summary>
public static class BallotExports
{
    public sealed record Export(string FileName, string ContentType, string Text);

    public static async Task<Export> BuildAsync(TablesDbContext db, TableAccess access, int ballotId, string format, CancellationToken ct)
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
            return new Export(name + "-resultat.json", "application/json", ResultDocument(ballot));
        }
        var votes = await db.Votes.AsNoTracking().Where(v => v.BallotId == ballot.Id).Select(v => new { v.Content, v.Group }).ToListAsync(ct);
        // A secret ballot's export carries no group: a small group could point at a person.
        var ballots = Aggregate(votes.Select(v => VotingBallotCounter.ToVoting(v.Content, ballot.Secret ? null : v.Group)));
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

    private static string ResultDocument(Ballot ballot)
    {
        var stored = ballot.ResultJson is null ? null : JsonSerializer.Deserialize<BallotResult>(ballot.ResultJson, TablesJson.Options);
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
        foreach (var (suffix, format) in new[] { ("ballots.abif", "abif"), ("ballots.csv", "csv"), ("result.json", "json") })
        {
            ballots.MapGet("/{id:int}/" + suffix, async Task<FileContentHttpResult> (string slug, int id, HttpContext http, TablesDbContext db) =>
            {
                var access = await http.AuthorizeTableAsync(slug, TablePolicies.Read);
                var export = await BuildAsync(db, access, id, format, http.RequestAborted);
                return TypedResults.File(Encoding.UTF8.GetBytes(export.Text), export.ContentType + "; charset=utf-8", export.FileName);
            }).WithSummary(format == "json"
                ? "The closed ballot's stored result with its explanation, seed and the query that re-counts it."
                : $"The closed ballot's votes as {format.ToUpperInvariant()}, anonymous and aggregated; re-count with POST /api/tally.");
        }

        ballots.MapPost("/{id:int}/priorities", async Task<Ok<IEnumerable<string>>> (string slug, int id, PromoteRequest request, HttpContext http, ForumConsole console) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Facilitate);
            var created = await console.PromoteAsync(access, http.User, id, request.Tokens, http.RequestAborted);
            return TypedResults.Ok(created.Select(p => p.Title));
        }).WithSummary("Makes chosen options of a closed ballot priorities of the forum's cycle (in the order given).");
    }
}

public sealed record PromoteRequest(IReadOnlyList<string> Tokens);
