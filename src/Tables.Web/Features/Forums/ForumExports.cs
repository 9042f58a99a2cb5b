using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Forums;

/// <summary>
/// The forum's ideas as a spreadsheet for the facilitation (hidden and merged ones included, so it is not public): each
/// idea with its theme, its status, where it came from, when, and the ballot options made from it.
/// </summary>
public static class ForumExports
{
    public static async Task<byte[]> IdeasCsvAsync(TablesDbContext db, TableAccess access, int forumId, IStringLocalizer<UiText> text, CancellationToken ct = default)
    {
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Id == forumId && f.TableId == access.Table.Id, ct) ?? throw new NotFoundException();
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.ForumId == forum.Id).OrderBy(i => i.Id).ToListAsync(ct);
        var options = (await db.Ballots.AsNoTracking().Where(b => b.ForumId == forum.Id).OrderBy(b => b.Id).ToListAsync(ct))
            .SelectMany(b => b.Options.Where(o => o.IdeaId is not null).Select(o => (IdeaId: o.IdeaId!.Value, Text: text["Export.IdeaOption", b.Id, o.Token].Value)))
            .ToLookup(o => o.IdeaId, o => o.Text);
        string[] header = [text["Export.Number"], text["Export.Idea"], text["Export.Theme"], text["Export.Status"], text["Export.Source"], text["Export.ReceivedAt"], text["Export.Options"]];
        var rows = ideas.Select(i => (IReadOnlyList<string?>)
        [
            i.Id.ToString(CultureInfo.InvariantCulture),
            i.Text,
            i.Theme,
            i.MergedIntoId is { } into ? text["Export.MergedInto", into] : i.Hidden ? text["Export.Hidden"] : text["Export.Shown"],
            i.FromPaper ? text["Export.Paper"] : text["Export.Phone"],
            i.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            string.Join(" · ", options[i.Id]),
        ]);
        return SpreadsheetCsv.Write(header, rows);
    }

    public static void MapForumExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tables/{slug}/forums/{id:int}/ideas.csv", async Task<FileContentHttpResult> (string slug, int id, HttpContext http, TablesDbContext db, IStringLocalizer<UiText> text) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Facilitate);
            var csv = await IdeasCsvAsync(db, access, id, text, http.RequestAborted);
            return TypedResults.File(csv, "text/csv; charset=utf-8", $"{access.Table.Slug}-forum-{id}-idees.csv");
        })
        .WithTags("Forums")
        .WithSummary("The forum's ideas (facilitation): number, text, theme, status (shown, hidden, merged), paper or phone, time, ballot options made from it.");
    }
}
