using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Mail;
using Tables.Web.Features.Members;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.ActionPlan;

/// <summary>
/// The partners' weekly digest: for each person, on the day they chose, their actions' late milestones and actions,
/// what changed on them in the week (by others), and others' journal entries on actions they share — newest first, one
/// link per item. Per-person settings; sent once per ISO week (a claimed row), in the person's table language.
/// </summary>
public sealed class DigestService(TablesDbContext db, IMailSender mail, PublicUrl urls, IStringLocalizer<UiText> text, TimeProvider clock)
{
    /// <summary>Digests go out from this local hour on the chosen day.</summary>
    public const int SendHour = 7;

    public async Task<DigestSettingsView> GetSettingsAsync(PlanRights rights, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.UserId() ?? throw new ForbiddenException();
        var s = await db.DigestSettings.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == userId && d.TableId == rights.Access.Table.Id, ct);
        return s is null ? Defaults(rights.Access.Role) : new DigestSettingsView(s.Enabled, s.Day, s.Late, s.Changes, s.Journal, s.Version);
    }

    public async Task SaveSettingsAsync(PlanRights rights, ClaimsPrincipal user, DigestSettingsEdit edit, CancellationToken ct = default)
    {
        var userId = user.UserId();
        if (userId is null || !rights.CanPartner)
        {
            throw new ForbiddenException();
        }
        if (!Enum.IsDefined(edit.Day))
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(nameof(edit.Day), text["Error.BadRequest"])]);
        }
        var s = await db.DigestSettings.FirstOrDefaultAsync(d => d.UserId == userId && d.TableId == rights.Access.Table.Id, ct);
        if (s is null)
        {
            s = new DigestSettings { TableId = rights.Access.Table.Id, UserId = userId };
            db.DigestSettings.Add(s);
        }
        else
        {
            db.Entry(s).Property(x => x.Version).OriginalValue = edit.Version ?? s.Version;
        }
        (s.Enabled, s.Day, s.Late, s.Changes, s.Journal) = (edit.Enabled, edit.Day, edit.Late, edit.Changes, edit.Journal);
        await db.SaveChangesAsync(ct);
    }

    private static DigestSettingsView Defaults(TableRole? role) => new(role == TableRole.Partner, DayOfWeek.Monday, true, true, true, null);

    /// <summary>What one person's digest holds for the week before <paramref name="now"/>.</summary>
    public async Task<DigestContent> BuildAsync(Table table, Membership member, DigestSettingsView settings, DateTime now, CancellationToken ct = default)
    {
        var since = now.AddDays(-7);
        var today = DateOnly.FromDateTime(now);
        var query = db.Actions.AsNoTracking().Where(a => a.TableId == table.Id && !a.Archived);
        if (member.OrganisationId is { } org)
        {
            query = query.Where(a => a.LeadOrganisationId == org || a.Partners.Any(p => p.OrganisationId == org));
        }
        var actions = await query.Include(a => a.Milestones).ToListAsync(ct);
        var titles = actions.ToDictionary(a => a.Id, a => a.Title);
        string Link(int id) => urls.Absolute($"/t/{table.Slug}/plan/actions/{id}");

        var late = !settings.Late ? [] : actions.SelectMany(a => Lateness.LateMilestones(a, today)
                .Select(m => new DigestItem(m.Due.ToDateTime(TimeOnly.MinValue), text["Digest.LateMilestone", a.Title, m.Title, Day(m.Due)], Link(a.Id)))
                .Concat(Lateness.IsLate(a, today) ? [new DigestItem(a.End!.Value.ToDateTime(TimeOnly.MinValue), text["Digest.LateAction", a.Title, Day(a.End.Value)], Link(a.Id))] : []))
            .OrderByDescending(i => i.At).ToList();

        var changes = new List<DigestItem>();
        if (settings.Changes)
        {
            var subjects = actions.Select(a => PlanSubjects.Action(a.Id)).ToList();
            var entries = await db.AuditEntries.AsNoTracking()
                .Where(e => e.TableId == table.Id && e.At > since && e.Subject != null && subjects.Contains(e.Subject) && e.ActorId != member.UserId && e.Entity != nameof(JournalEntry))
                .OrderByDescending(e => e.At).Take(100).ToListAsync(ct);
            foreach (var group in entries.GroupBy(e => e.Subject))
            {
                var id = int.Parse(group.Key!.AsSpan("ActionItem:".Length), CultureInfo.InvariantCulture);
                var fields = group.SelectMany(e => PlanHistory.ToLine(e).Changes.Select(c => c.Field)).Distinct()
                    .Select(f => text[$"Field.{f}"].ResourceNotFound ? f : text[$"Field.{f}"].Value).ToList();
                if (fields.Count > 0)
                {
                    var first = group.First();
                    changes.Add(new DigestItem(first.At, text["Digest.Changed", titles[id], string.Join(", ", fields), first.ActorName], Link(id)));
                }
            }
        }

        var journal = !settings.Journal ? [] : (await db.Journal.AsNoTracking()
                .Where(j => j.TableId == table.Id && j.At > since && j.AuthorId != member.UserId && titles.Keys.Contains(j.ActionId))
                .OrderByDescending(j => j.At).Take(50).ToListAsync(ct))
            .Select(j => new DigestItem(j.At, text["Digest.Journal", titles[j.ActionId], j.OrganisationName ?? j.AuthorName, Shorten(j.Text)], Link(j.ActionId))).ToList();

        return new DigestContent(late, changes, journal);
    }

    /// <summary>Sends the digests due now (the chosen day, from <see cref="SendHour"/>), each claimed first so it goes once a week.</summary>
    public Task<int> SendDueAsync(CancellationToken ct = default) => SendDueAsync(clock.GetLocalNow(), ct);

    /// <inheritdoc cref="SendDueAsync(CancellationToken)"/>
    public async Task<int> SendDueAsync(DateTimeOffset nowLocal, CancellationToken ct = default)
    {
        var now = nowLocal.UtcDateTime;
        var week = $"{ISOWeek.GetYear(nowLocal.DateTime)}-W{ISOWeek.GetWeekOfYear(nowLocal.DateTime):00}";
        var sent = 0;
        var members = await db.Memberships.AsNoTracking().Include(m => m.User).Include(m => m.Table)
            .Where(m => m.Role == TableRole.Coordinator || m.Role == TableRole.Facilitator || m.Role == TableRole.Partner).ToListAsync(ct);
        var allSettings = await db.DigestSettings.AsNoTracking().ToListAsync(ct);
        foreach (var member in members.Where(m => m.User?.Email is not null && m.Table is not null))
        {
            var s = allSettings.FirstOrDefault(x => x.UserId == member.UserId && x.TableId == member.TableId) is { } row
                ? new DigestSettingsView(row.Enabled, row.Day, row.Late, row.Changes, row.Journal, row.Version) : Defaults(member.Role);
            if (!s.Enabled || s.Day != nowLocal.DayOfWeek || nowLocal.Hour < SendHour)
            {
                continue;
            }
            var claim = new DigestSent { TableId = member.TableId, UserId = member.UserId, Week = week, At = now };
            db.DigestsSent.Add(claim);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Already sent this week (by this or another instance).
                db.Entry(claim).State = EntityState.Detached;
                continue;
            }
            sent += await SendOneAsync(member, s, now, claim, ct);
        }
        return sent;
    }

    private async Task<int> SendOneAsync(Membership member, DigestSettingsView settings, DateTime now, DigestSent claim, CancellationToken ct)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(member.Table!.DefaultLanguage == "en" ? "en-CA" : "fr-CA");
        try
        {
            var content = await BuildAsync(member.Table, member, settings, now, ct);
            claim.Items = content.Count;
            await db.SaveChangesAsync(ct);
            if (content.Count == 0)
            {
                return 0;
            }
            await mail.SendAsync(new OutgoingMail(member.User!.Email!, text["Digest.Subject", member.Table.Name], Render(member.Table, content)), ct);
            return 1;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // Not sent: free the week's claim so the next run tries again.
            db.DigestsSent.Remove(claim);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>The e-mail's text: one section per kind, newest first, each item with its one link.</summary>
    public string Render(Table table, DigestContent content)
    {
        var b = new StringBuilder().AppendLine(text["Digest.Intro", table.Name]).AppendLine();
        foreach (var (title, items) in new[] { (text["Digest.LateTitle"], content.Late), (text["Digest.ChangesTitle"], content.Changes), (text["Digest.JournalTitle"], content.Journal) })
        {
            if (items.Count == 0)
            {
                continue;
            }
            b.AppendLine(title).AppendLine(new string('-', title.Value.Length));
            foreach (var item in items)
            {
                b.Append("• ").AppendLine(item.Text).Append("  ").AppendLine(item.Link);
            }
            b.AppendLine();
        }
        return b.AppendLine(text["Digest.Settings", urls.Absolute($"/t/{table.Slug}/plan/digest")]).ToString();
    }

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    private static string Shorten(string s) => s.Length <= 160 ? s : s[..157] + "…";
}
