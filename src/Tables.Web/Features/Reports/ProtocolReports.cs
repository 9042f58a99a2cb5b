using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Reports;
using Tables.Reports.Models;
using Tables.Web.Data;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Reports;

/// <summary>
/// The « Procès-verbal » of a forum: agenda, attendance by group (small groups folded), the ideas the room may see by
/// theme (hidden ones counted, not printed), and each ballot whose result the room may see.
/// </summary>
public sealed class ProtocolReports(TablesDbContext db, BallotReports ballots, IStringLocalizer<UiText> text, TimeProvider clock)
{
    public async Task<ForumProtocol?> BuildAsync(TableAccess access, int forumId, ReportCulture culture, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().Include(f => f.Activities)
            .FirstOrDefaultAsync(f => f.Id == forumId && f.TableId == access.Table.Id, ct);
        if (forum is null)
        {
            return null;
        }
        // The labels the web layer adds (no group, no theme) in the report's language, not the reader's.
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture.Culture;
        try
        {
            var groups = await db.Participants.AsNoTracking().Where(p => p.ForumId == forumId).Select(p => p.Group).ToListAsync(ct);
            var ideas = await db.Ideas.AsNoTracking().Where(i => i.ForumId == forumId).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(ct);
            var shown = ideas.Where(i => !i.Hidden && i.MergedIntoId is null).ToList();
            var forumBallots = await db.Ballots.AsNoTracking().Where(b => b.ForumId == forumId).OrderBy(b => b.ClosedAt).ThenBy(b => b.Id).ToListAsync(ct);
            var noTheme = text["Report.NoTheme"].Value;
            return new ForumProtocol
            {
                Table = new TableInfo(access.Table.Name, access.Table.Neighbourhood),
                CycleTitle = await db.Cycles.AsNoTracking().Where(c => c.Id == forum.CycleId).Select(c => c.Title).FirstOrDefaultAsync(ct),
                Language = culture.IsFrench ? "fr" : "en",
                Title = forum.Title,
                StartsAt = forum.StartsAt,
                Place = forum.Place,
                Participation = ParticipationMode.Open,
                Agenda = forum.Activities.OrderBy(a => a.Order).Select(a => new global::Tables.Reports.Models.AgendaItem(a.Kind.ToString().ToLowerInvariant(), a.Title)).ToList(),
                Participants = groups.Count,
                Attendance = BallotReports.Fold(groups, culture, text["Report.NoGroup"].Value),
                Ideas = shown.GroupBy(i => string.IsNullOrWhiteSpace(i.Theme) ? noTheme : i.Theme.Trim())
                    .OrderBy(g => g.Key == noTheme ? 1 : 0).ThenBy(g => g.Key, StringComparer.Create(culture.Culture, true))
                    .Select(g => new IdeaTheme(g.Key, g.Select(i => new ProtocolIdea(i.Text, i.FromPaper)).ToList())).ToList(),
                HiddenIdeas = ideas.Count(i => i.Hidden),
                MergedIdeas = ideas.Count(i => i.MergedIntoId is not null),
                Ballots = await ballots.ForAsync(forumBallots, culture, ct),
                Produced = DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
            };
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
