using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Jobs;
using Tables.Web.Features.Mail;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.ActionPlan;

/// <summary>
/// "Follow my idea": a resident leaves an address with consent; they are told, once per event, when their idea becomes a
/// priority and when an action carrying it starts, changes status or is done — from what the plan's public page shows.
/// One link stops it all. The address is encrypted at rest and only ever decrypted to send.
/// </summary>
public sealed class FollowService(
    TablesDbContext db,
    IDataProtectionProvider protection,
    IValidator<FollowRequest> validator,
    IMailSender mail,
    IdeaChain chain,
    TableScope scope,
    PublicUrl urls,
    IStringLocalizer<UiText> text,
    TimeProvider clock)
{
    private IDataProtector Protector => protection.CreateProtector("Tables.IdeaFollowers.Email");

    /// <summary>
    /// Starts following (or starts again). Only the participant who proposed the idea, in its forum, may follow it. What
    /// the idea already became is recorded as known (not sent again); a first e-mail confirms, with the stop link.
    /// </summary>
    public async Task FollowAsync(FollowRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAndThrowAsync(request, ct);
        // Which table the code belongs to is what this request is about: found across tables, then only that table's rows.
        var forum = await db.Forums.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(f => f.JoinCode == request.Code.Trim().ToUpperInvariant(), ct);
        var participant = forum is null ? null
            : await db.Participants.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.ForumId == forum.Id && p.Token == request.ParticipantToken, ct);
        var idea = participant is null ? null
            : await db.Ideas.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.IdeaId && i.ForumId == forum!.Id && i.ParticipantId == participant.Id, ct);
        if (idea is null)
        {
            throw new ValidationException([new ValidationFailure(nameof(FollowRequest.IdeaId), text["Follow.NotYourIdea"])]);
        }
        // From here on, this request works in the idea's table (what it already became is read there).
        if (scope.TableId is null && !scope.AllTables)
        {
            scope.Enter(idea.TableId);
        }
        var email = request.Email.Trim();
        var hash = IdeaFollower.Hash(idea.Id, email);
        var follower = await db.IdeaFollowers.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.IdeaId == idea.Id && f.EmailHash == hash, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (follower is null)
        {
            follower = new IdeaFollower { TableId = idea.TableId, IdeaId = idea.Id, EmailHash = hash, Token = IdeaFollower.NewToken() };
            db.IdeaFollowers.Add(follower);
        }
        follower.EmailProtected = Protector.Protect(email);
        follower.Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr";
        follower.ConsentedAt = now;
        follower.StoppedAt = null;
        await db.SaveChangesAsync(ct);
        var events = await EventsAsync(follower, ct);
        var known = await db.FollowNotices.IgnoreQueryFilters().Where(n => n.FollowerId == follower.Id).Select(n => n.EventKey).ToListAsync(ct);
        db.FollowNotices.AddRange(events.Where(e => !known.Contains(e.Key)).Select(e => new FollowNotice { TableId = follower.TableId, FollowerId = follower.Id, EventKey = e.Key, At = now, Known = true }));
        await db.SaveChangesAsync(ct);
        var slug = await db.Tables.Where(t => t.Id == follower.TableId).Select(t => t.Slug).FirstAsync(ct);
        await mail.SendAsync(new OutgoingMail(email, text["Follow.Welcome.Subject"],
            text["Follow.Welcome.Body", idea.Text, urls.Absolute($"/t/{slug}/plan/ideas/{idea.Id}"), StopLink(follower)], Unsubscribe: OneClick(follower)), ct);
    }

    /// <summary>Stops a follow by its link's token; true when the token names one (already stopped counts).</summary>
    public async Task<bool> StopAsync(string token, CancellationToken ct = default)
    {
        // The token is the whole credential and says which table: looked up across tables.
        var follower = await db.IdeaFollowers.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.Token == token, ct);
        if (follower is null)
        {
            return false;
        }
        follower.StoppedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The idea a stop link is about and whether it is stopped (for the stop page; never the address).</summary>
    public async Task<(string Idea, bool Stopped)?> StateAsync(string token, CancellationToken ct = default)
    {
        var follower = await db.IdeaFollowers.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(f => f.Token == token, ct);
        if (follower is null)
        {
            return null;
        }
        var idea = await db.Ideas.IgnoreQueryFilters().Where(i => i.Id == follower.IdeaId).Select(i => i.Text).FirstAsync(ct);
        return (idea, follower.StoppedAt is not null);
    }

    /// <summary>Sends every follower each event not yet told (the job calls it, in a scope that serves every table).</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var sent = 0;
        var followers = await db.IdeaFollowers.Where(f => f.StoppedAt == null).ToListAsync(ct);
        foreach (var follower in followers)
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(follower.Language == "en" ? "en-CA" : "fr-CA");
            try
            {
                var told = await db.FollowNotices.Where(n => n.FollowerId == follower.Id).Select(n => n.EventKey).ToListAsync(ct);
                foreach (var e in (await EventsAsync(follower, ct)).Where(e => !told.Contains(e.Key)))
                {
                    // Claim first: the unique index refuses a second claim (another instance, a rerun); then send.
                    var notice = new FollowNotice { TableId = follower.TableId, FollowerId = follower.Id, EventKey = e.Key, At = clock.GetUtcNow().UtcDateTime };
                    db.FollowNotices.Add(notice);
                    try
                    {
                        await db.SaveChangesAsync(ct);
                    }
                    catch (DbUpdateException)
                    {
                        db.Entry(notice).State = EntityState.Detached;
                        continue;
                    }
                    try
                    {
                        await mail.SendAsync(new OutgoingMail(Protector.Unprotect(follower.EmailProtected), e.Subject, e.Text + "\n\n" + text["Follow.Footer", StopLink(follower)],
                            Unsubscribe: OneClick(follower)), ct);
                        sent++;
                    }
                    catch (Exception) when (!ct.IsCancellationRequested)
                    {
                        // Not sent: give the claim back so the next run tries again.
                        db.FollowNotices.Remove(notice);
                        await db.SaveChangesAsync(ct);
                        throw;
                    }
                }
            }
            finally
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = previous;
            }
        }
        return sent;
    }

    /// <summary>What the idea has become, as the plan's public page shows it (an unpublished plan tells nothing).</summary>
    public async Task<IReadOnlyList<FollowEvent>> EventsAsync(IdeaFollower follower, CancellationToken ct)
    {
        var table = await db.Tables.AsNoTracking().FirstAsync(t => t.Id == follower.TableId, ct);
        var rights = new PlanRights(new TableAccess(table, null, false), null);
        if (await chain.FromIdeaAsync(rights, follower.IdeaId, ct) is not { } view)
        {
            return [];
        }
        var link = urls.Absolute($"/t/{table.Slug}/plan/ideas/{follower.IdeaId}");
        var events = new List<FollowEvent>();
        events.AddRange(view.Priorities.Select(p => new FollowEvent($"priority:{p.Id}", text["Follow.Priority.Subject"],
            text["Follow.Priority.Body", view.Idea.Text, p.Title, link])));
        var actions = view.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions).Concat(view.NamedBy).DistinctBy(a => a.Id);
        foreach (var a in actions.Where(a => a.Status != ActionStatus.Planned))
        {
            var kind = a.Status switch
            {
                ActionStatus.InProgress => "Started",
                ActionStatus.Done => "Done",
                _ => "Status",
            };
            events.Add(new FollowEvent($"action:{a.Id}:{a.Status}", text[$"Follow.{kind}.Subject"],
                text[$"Follow.{kind}.Body", view.Idea.Text, a.Title, text[$"ActionStatus.{a.Status}"], link]));
        }
        return events;
    }

    /// <summary>The page with the stop button (in the e-mail's text).</summary>
    private string StopLink(IdeaFollower follower) => urls.Absolute($"/follow/{follower.Token}");

    /// <summary>The one-click address mail programs post to (RFC 8058 List-Unsubscribe).</summary>
    private string OneClick(IdeaFollower follower) => urls.Absolute($"/follow/{follower.Token}/stop");
}

/// <summary>Tells followers what their ideas became, every few minutes, once across instances.</summary>
public sealed class FollowUpJob : IBackgroundJob
{
    public string Name => "idea-follow-ups";
    public TimeSpan Interval => TimeSpan.FromMinutes(5);
    public Task RunAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<FollowService>().SendDueAsync(ct);
}
