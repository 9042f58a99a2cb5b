using System.Security.Claims;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.ActionPlan;

/// <summary>
/// Progress reported on one action — by its lead and partner organisations, or the staff: status and %, journal
/// entries, milestones done, indicator values. <see cref="PlanRights.CanReport(ActionItem)"/> decides, here, for every
/// write (a partner can never touch another organisation's action, whatever screen or request it uses).
/// </summary>
public sealed class ProgressService(
    TablesDbContext db,
    IValidator<ProgressReport> reportValidator,
    IValidator<JournalPost> journalValidator,
    IValidator<IndicatorValuePost> valueValidator,
    PlanNotifier notifier,
    TimeProvider clock)
{
    public async Task ReportAsync(PlanRights rights, ClaimsPrincipal user, int actionId, ProgressReport report, CancellationToken ct = default)
    {
        await reportValidator.ValidateAndThrowAsync(report, ct);
        var action = await TrackAsync(rights, actionId, report.Version, ct);
        action.Status = report.Status;
        action.Progress = report.Progress;
        await SaveAsync(user, action, ct);
    }

    /// <summary>Adds a journal entry; a status or a progress in it moves the action in the same save.</summary>
    public async Task<JournalEntry> PostJournalAsync(PlanRights rights, ClaimsPrincipal user, int actionId, JournalPost post, CancellationToken ct = default)
    {
        await journalValidator.ValidateAndThrowAsync(post, ct);
        var action = await TrackAsync(rights, actionId, post.Version, ct);
        var actor = user.ToActor();
        var organisation = rights.OrganisationId is { } o ? await db.Organisations.Where(x => x.Id == o).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var entry = new JournalEntry
        {
            TableId = action.TableId, CycleId = action.CycleId, ActionId = action.Id, On = post.On!.Value, At = clock.GetUtcNow().UtcDateTime,
            AuthorId = actor.UserId, AuthorName = actor.Name, OrganisationName = organisation, Text = post.Text.Trim(),
            Status = post.Status, Progress = post.Progress,
        };
        db.Journal.Add(entry);
        if (post.Status is { } status)
        {
            action.Status = status;
        }
        if (post.Progress is { } progress)
        {
            action.Progress = progress;
        }
        await SaveAsync(user, action, ct);
        return entry;
    }

    public async Task SetMilestoneAsync(PlanRights rights, ClaimsPrincipal user, int actionId, int milestoneId, MilestoneCheck check, CancellationToken ct = default)
    {
        var action = await TrackAsync(rights, actionId, null, ct);
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId && m.ActionId == actionId, ct) ?? throw new NotFoundException();
        milestone.Done = check.Done;
        milestone.DoneOn = check.Done ? milestone.DoneOn ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime) : null;
        await SaveAsync(user, action, ct);
    }

    public async Task<IndicatorValue> AddIndicatorValueAsync(PlanRights rights, ClaimsPrincipal user, int actionId, int indicatorId, IndicatorValuePost post, CancellationToken ct = default)
    {
        await valueValidator.ValidateAndThrowAsync(post, ct);
        var action = await TrackAsync(rights, actionId, null, ct);
        if (!await db.Indicators.AnyAsync(i => i.Id == indicatorId && i.ActionId == actionId, ct))
        {
            throw new NotFoundException();
        }
        var value = new IndicatorValue
        {
            TableId = action.TableId, ActionId = action.Id, IndicatorId = indicatorId, On = post.On!.Value, Value = post.Value!.Value,
            Note = string.IsNullOrWhiteSpace(post.Note) ? null : post.Note.Trim(),
        };
        db.IndicatorValues.Add(value);
        await SaveAsync(user, action, ct);
        return value;
    }

    /// <summary>The action, if the person may report on it: 404 when it is not in the table, 403 when it is not theirs.</summary>
    private async Task<ActionItem> TrackAsync(PlanRights rights, int actionId, Guid? version, CancellationToken ct)
    {
        var action = await db.Actions.Include(a => a.Partners).FirstOrDefaultAsync(a => a.Id == actionId && a.TableId == rights.Access.Table.Id, ct)
            ?? throw new NotFoundException();
        if (!rights.CanReport(action))
        {
            throw new ForbiddenException();
        }
        db.Entry(action).Property(a => a.Version).OriginalValue = version ?? action.Version;
        return action;
    }

    private async Task SaveAsync(ClaimsPrincipal user, ActionItem action, CancellationToken ct)
    {
        // Every report touches the action: its version changes (a stale editor is told) and "what changed" sees it.
        action.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(user.ToActor(), ct);
        await notifier.PlanChangedAsync(db, action.CycleId, ct);
    }
}
