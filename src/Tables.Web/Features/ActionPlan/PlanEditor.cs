using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.ActionPlan;

/// <summary>
/// The staff's writes to the plan (coordinators and facilitators): priorities entered by hand, objectives, actions with
/// every field, moving, duplicating, archiving, publishing. Each write checks <see cref="PlanRights.CanEditPlan"/>,
/// validates before touching the database, guards the row with its version and is audited in the same transaction.
/// </summary>
public sealed class PlanEditor(
    TablesDbContext db,
    IValidator<PriorityEdit> priorityValidator,
    IValidator<ObjectiveEdit> objectiveValidator,
    IValidator<ActionEdit> actionValidator,
    IValidator<PlanMove> moveValidator,
    IStringLocalizer<UiText> text,
    PlanNotifier notifier,
    TimeProvider clock)
{
    public async Task<Priority> AddPriorityAsync(PlanRights rights, ClaimsPrincipal user, int cycleId, PriorityEdit edit, CancellationToken ct = default)
    {
        Demand(rights);
        await priorityValidator.ValidateAndThrowAsync(edit, ct);
        if (!await db.Cycles.AnyAsync(c => c.Id == cycleId && c.TableId == rights.Access.Table.Id, ct))
        {
            throw new NotFoundException();
        }
        var order = await db.Priorities.Where(p => p.CycleId == cycleId).MaxAsync(p => (int?)p.Order, ct) ?? 0;
        var priority = new Priority { TableId = rights.Access.Table.Id, CycleId = cycleId, Title = edit.Title.Trim(), Order = order + 1 };
        db.Priorities.Add(priority);
        await SaveAsync(user, cycleId, ct);
        return priority;
    }

    public async Task UpdatePriorityAsync(PlanRights rights, ClaimsPrincipal user, int id, PriorityEdit edit, CancellationToken ct = default)
    {
        Demand(rights);
        await priorityValidator.ValidateAndThrowAsync(edit, ct);
        var priority = await Track(db.Priorities, id, rights, edit.Version, ct);
        priority.Title = edit.Title.Trim();
        await SaveAsync(user, priority.CycleId, ct);
    }

    /// <summary>Removes a priority that has no objective yet (one with objectives keeps its history: archive those).</summary>
    public async Task DeletePriorityAsync(PlanRights rights, ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        Demand(rights);
        var priority = await Track(db.Priorities, id, rights, null, ct);
        if (await db.Objectives.AnyAsync(o => o.PriorityId == id, ct))
        {
            throw Invalid(nameof(Priority.Title), text["Plan.PriorityNotEmpty"]);
        }
        db.Priorities.Remove(priority);
        await SaveAsync(user, priority.CycleId, ct);
    }

    public async Task MovePriorityAsync(PlanRights rights, ClaimsPrincipal user, int id, PlanMove move, CancellationToken ct = default)
    {
        Demand(rights);
        await moveValidator.ValidateAndThrowAsync(move, ct);
        var priority = await Track(db.Priorities, id, rights, move.Version, ct);
        var siblings = await db.Priorities.Where(p => p.CycleId == priority.CycleId && p.Id != id).OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync(ct);
        Place(siblings, priority, move.Position, (p, order) => p.Order = order);
        await SaveAsync(user, priority.CycleId, ct);
    }

    public async Task<Objective> AddObjectiveAsync(PlanRights rights, ClaimsPrincipal user, int priorityId, ObjectiveEdit edit, CancellationToken ct = default)
    {
        Demand(rights);
        await objectiveValidator.ValidateAndThrowAsync(edit, ct);
        var priority = await db.Priorities.AsNoTracking().FirstOrDefaultAsync(p => p.Id == priorityId && p.TableId == rights.Access.Table.Id, ct) ?? throw new NotFoundException();
        var order = await db.Objectives.Where(o => o.PriorityId == priorityId).MaxAsync(o => (int?)o.Order, ct) ?? 0;
        var objective = new Objective { TableId = priority.TableId, CycleId = priority.CycleId, PriorityId = priorityId, Order = order + 1 };
        Apply(objective, edit);
        db.Objectives.Add(objective);
        await SaveAsync(user, priority.CycleId, ct);
        return objective;
    }

    public async Task UpdateObjectiveAsync(PlanRights rights, ClaimsPrincipal user, int id, ObjectiveEdit edit, CancellationToken ct = default)
    {
        Demand(rights);
        await objectiveValidator.ValidateAndThrowAsync(edit, ct);
        var objective = await Track(db.Objectives, id, rights, edit.Version, ct);
        Apply(objective, edit);
        await SaveAsync(user, objective.CycleId, ct);
    }

    /// <summary>Moves an objective among its priority's, or to another priority of the same cycle.</summary>
    public async Task MoveObjectiveAsync(PlanRights rights, ClaimsPrincipal user, int id, PlanMove move, CancellationToken ct = default)
    {
        Demand(rights);
        await moveValidator.ValidateAndThrowAsync(move, ct);
        var objective = await Track(db.Objectives, id, rights, move.Version, ct);
        var target = move.ParentId ?? objective.PriorityId;
        if (!await db.Priorities.AnyAsync(p => p.Id == target && p.CycleId == objective.CycleId, ct))
        {
            throw Invalid(nameof(PlanMove.ParentId), text["Plan.UnknownPriority"]);
        }
        objective.PriorityId = target;
        var siblings = await db.Objectives.Where(o => o.PriorityId == target && o.Id != id).OrderBy(o => o.Order).ThenBy(o => o.Id).ToListAsync(ct);
        Place(siblings, objective, move.Position, (o, order) => o.Order = order);
        await SaveAsync(user, objective.CycleId, ct);
    }

    public async Task ArchiveObjectiveAsync(PlanRights rights, ClaimsPrincipal user, int id, ArchiveRequest request, CancellationToken ct = default)
    {
        Demand(rights);
        var objective = await Track(db.Objectives, id, rights, request.Version, ct);
        objective.Archived = request.Archived;
        await SaveAsync(user, objective.CycleId, ct);
    }

    public async Task<ActionItem> AddActionAsync(PlanRights rights, ClaimsPrincipal user, int objectiveId, ActionEdit edit, CancellationToken ct = default)
    {
        Demand(rights);
        await actionValidator.ValidateAndThrowAsync(edit, ct);
        var objective = await db.Objectives.AsNoTracking().FirstOrDefaultAsync(o => o.Id == objectiveId && o.TableId == rights.Access.Table.Id, ct) ?? throw new NotFoundException();
        await EnsureOrganisationsAsync(rights, edit, ct);
        var order = await db.Actions.Where(a => a.ObjectiveId == objectiveId).MaxAsync(a => (int?)a.Order, ct) ?? 0;
        var action = new ActionItem { TableId = objective.TableId, CycleId = objective.CycleId, ObjectiveId = objectiveId, Order = order + 1 };
        ApplyFields(action, edit);
        ApplyParts(action, edit);
        db.Actions.Add(action);
        await SaveAsync(user, objective.CycleId, ct);
        return action;
    }

    /// <summary>Saves every field and part of an action at once; its version guards the whole (two editors never mix).</summary>
    public async Task UpdateActionAsync(PlanRights rights, ClaimsPrincipal user, int id, ActionEdit edit, CancellationToken ct = default)
    {
        Demand(rights);
        await actionValidator.ValidateAndThrowAsync(edit, ct);
        await EnsureOrganisationsAsync(rights, edit, ct);
        var action = await TrackActionAsync(rights, id, edit.Version, ct);
        if (edit.Milestones.Any(m => m.Id is { } mid && action.Milestones.All(x => x.Id != mid)) || edit.Indicators.Any(i => i.Id is { } iid && action.Indicators.All(x => x.Id != iid)))
        {
            throw Invalid(nameof(ActionEdit.Milestones), text["Error.NotFound"]);
        }
        ApplyFields(action, edit);
        ApplyParts(action, edit);
        await SaveAsync(user, action.CycleId, ct);
    }

    /// <summary>Moves an action among its objective's actions, or to another objective of the same cycle.</summary>
    public async Task MoveActionAsync(PlanRights rights, ClaimsPrincipal user, int id, PlanMove move, CancellationToken ct = default)
    {
        Demand(rights);
        await moveValidator.ValidateAndThrowAsync(move, ct);
        var action = await Track(db.Actions, id, rights, move.Version, ct);
        var target = move.ParentId ?? action.ObjectiveId;
        if (!await db.Objectives.AnyAsync(o => o.Id == target && o.CycleId == action.CycleId, ct))
        {
            throw Invalid(nameof(PlanMove.ParentId), text["Plan.UnknownObjective"]);
        }
        action.ObjectiveId = target;
        action.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var siblings = await db.Actions.Where(a => a.ObjectiveId == target && a.Id != id).OrderBy(a => a.Order).ThenBy(a => a.Id).ToListAsync(ct);
        Place(siblings, action, move.Position, (a, order) => a.Order = order);
        await SaveAsync(user, action.CycleId, ct);
    }

    /// <summary>A copy right after the original: same fields, partners, funding lines, milestones (not done) and indicators (no values), planned at 0 %.</summary>
    public async Task<ActionItem> DuplicateActionAsync(PlanRights rights, ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        Demand(rights);
        var source = await TrackActionAsync(rights, id, null, ct);
        var later = await db.Actions.Where(a => a.ObjectiveId == source.ObjectiveId && a.Order > source.Order).ToListAsync(ct);
        later.ForEach(a => a.Order++);
        var copy = new ActionItem
        {
            TableId = source.TableId, CycleId = source.CycleId, ObjectiveId = source.ObjectiveId, Order = source.Order + 1,
            Title = Truncate(text["Plan.CopyOf", source.Title], PlanRules.TitleMax), Description = source.Description, Theme = source.Theme, Tag = source.Tag,
            LeadOrganisationId = source.LeadOrganisationId, WorkingGroup = source.WorkingGroup, Start = source.Start, End = source.End,
            Status = ActionStatus.Planned, Progress = 0, Weight = source.Weight, UpdatedAt = clock.GetUtcNow().UtcDateTime,
            Partners = source.Partners.Select(p => new ActionPartner { TableId = p.TableId, OrganisationId = p.OrganisationId }).ToList(),
            Ideas = source.Ideas.Select(i => new ActionIdea { TableId = i.TableId, IdeaId = i.IdeaId }).ToList(),
            Funding = source.Funding.Select(f => new FundingLine { TableId = f.TableId, Funder = f.Funder, Amount = f.Amount, Status = f.Status }).ToList(),
            Milestones = source.Milestones.Select(m => new Milestone { TableId = m.TableId, Title = m.Title, Due = m.Due }).ToList(),
            Indicators = source.Indicators.Select(i => new Indicator { TableId = i.TableId, Label = i.Label, Unit = i.Unit, Baseline = i.Baseline, Target = i.Target }).ToList(),
        };
        db.Actions.Add(copy);
        await SaveAsync(user, source.CycleId, ct);
        return copy;
    }

    public async Task ArchiveActionAsync(PlanRights rights, ClaimsPrincipal user, int id, ArchiveRequest request, CancellationToken ct = default)
    {
        Demand(rights);
        var action = await Track(db.Actions, id, rights, request.Version, ct);
        action.Archived = request.Archived;
        action.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(user, action.CycleId, ct);
    }

    public async Task UpdateSettingsAsync(PlanRights rights, ClaimsPrincipal user, int cycleId, PlanSettingsEdit edit, CancellationToken ct = default)
    {
        Demand(rights);
        if (!await db.Cycles.AnyAsync(c => c.Id == cycleId && c.TableId == rights.Access.Table.Id, ct))
        {
            throw new NotFoundException();
        }
        var settings = await db.PlanSettings.FirstOrDefaultAsync(s => s.CycleId == cycleId, ct);
        if (settings is null)
        {
            settings = new PlanSettings { TableId = rights.Access.Table.Id, CycleId = cycleId };
            db.PlanSettings.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = edit.Version ?? settings.Version;
        }
        settings.Published = edit.Published;
        settings.ShowBudgets = edit.ShowBudgets;
        await SaveAsync(user, cycleId, ct);
    }

    private void Demand(PlanRights rights)
    {
        if (!rights.CanEditPlan)
        {
            throw new ForbiddenException();
        }
    }

    private async Task SaveAsync(ClaimsPrincipal user, int cycleId, CancellationToken ct)
    {
        await db.SaveChangesAsync(user.ToActor(), ct);
        await notifier.PlanChangedAsync(db, cycleId, ct);
    }

    private async Task<T> Track<T>(DbSet<T> set, int id, PlanRights rights, Guid? version, CancellationToken ct) where T : class, Data.Auditing.IVersioned, ITableOwned
    {
        var row = await set.FirstOrDefaultAsync(r => EF.Property<int>(r, "Id") == id && r.TableId == rights.Access.Table.Id, ct) ?? throw new NotFoundException();
        db.Entry(row).Property(r => r.Version).OriginalValue = version ?? row.Version;
        return row;
    }

    private async Task<ActionItem> TrackActionAsync(PlanRights rights, int id, Guid? version, CancellationToken ct)
    {
        var action = await db.Actions.Include(a => a.Partners).Include(a => a.Ideas).Include(a => a.Funding).Include(a => a.Milestones).Include(a => a.Indicators)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id && a.TableId == rights.Access.Table.Id, ct) ?? throw new NotFoundException();
        db.Entry(action).Property(a => a.Version).OriginalValue = version ?? action.Version;
        return action;
    }

    private async Task EnsureOrganisationsAsync(PlanRights rights, ActionEdit edit, CancellationToken ct)
    {
        var ids = edit.PartnerOrganisationIds.Append(edit.LeadOrganisationId ?? 0).Where(i => i != 0).Distinct().ToList();
        var known = await db.Organisations.CountAsync(o => ids.Contains(o.Id) && o.TableId == rights.Access.Table.Id, ct);
        if (known != ids.Count || edit.PartnerOrganisationIds.Contains(0))
        {
            throw Invalid(nameof(ActionEdit.LeadOrganisationId), text["Validation.UnknownOrganisation"]);
        }
        var ideas = edit.IdeaIds.Distinct().ToList();
        if (await db.Ideas.CountAsync(i => ideas.Contains(i.Id) && i.TableId == rights.Access.Table.Id, ct) != ideas.Count)
        {
            throw Invalid(nameof(ActionEdit.IdeaIds), text["Plan.UnknownIdea"]);
        }
    }

    private static void Apply(Objective objective, ObjectiveEdit edit)
    {
        objective.Title = edit.Title.Trim();
        objective.Description = edit.Description?.Trim() ?? "";
        objective.Weight = edit.Weight;
    }

    private void ApplyFields(ActionItem action, ActionEdit edit)
    {
        action.Title = edit.Title.Trim();
        action.Description = edit.Description?.Trim() ?? "";
        action.Theme = Blank(edit.Theme);
        action.Tag = edit.Tag;
        action.LeadOrganisationId = edit.LeadOrganisationId;
        action.WorkingGroup = Blank(edit.WorkingGroup);
        action.Start = edit.Start;
        action.End = edit.End;
        action.Status = edit.Status;
        action.Progress = edit.Progress;
        action.Weight = edit.Weight;
        action.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>Replaces partners and funding lines; keeps milestones and indicators named by id (indicators keep their values).</summary>
    private void ApplyParts(ActionItem action, ActionEdit edit)
    {
        var partners = edit.PartnerOrganisationIds.Where(i => i != edit.LeadOrganisationId).Distinct().ToList();
        action.Partners.RemoveAll(p => !partners.Contains(p.OrganisationId));
        action.Partners.AddRange(partners.Where(i => action.Partners.All(p => p.OrganisationId != i)).Select(i => new ActionPartner { TableId = action.TableId, OrganisationId = i }));

        var ideas = edit.IdeaIds.Distinct().ToList();
        action.Ideas.RemoveAll(i => !ideas.Contains(i.IdeaId));
        action.Ideas.AddRange(ideas.Where(i => action.Ideas.All(x => x.IdeaId != i)).Select(i => new ActionIdea { TableId = action.TableId, IdeaId = i }));

        action.Funding.Clear();
        action.Funding.AddRange(edit.Funding.Select(f => new FundingLine { TableId = action.TableId, Funder = f.Funder.Trim(), Amount = f.Amount, Status = f.Status }));

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        action.Milestones.RemoveAll(m => edit.Milestones.All(e => e.Id != m.Id));
        foreach (var e in edit.Milestones)
        {
            var milestone = action.Milestones.FirstOrDefault(m => e.Id is not null && m.Id == e.Id);
            if (milestone is null)
            {
                milestone = new Milestone { TableId = action.TableId };
                action.Milestones.Add(milestone);
            }
            milestone.Title = e.Title.Trim();
            milestone.Due = e.Due!.Value;
            milestone.DoneOn = e.Done ? milestone.DoneOn ?? today : null;
            milestone.Done = e.Done;
        }

        action.Indicators.RemoveAll(i => edit.Indicators.All(e => e.Id != i.Id));
        foreach (var e in edit.Indicators)
        {
            var indicator = action.Indicators.FirstOrDefault(i => e.Id is not null && i.Id == e.Id);
            if (indicator is null)
            {
                indicator = new Indicator { TableId = action.TableId };
                action.Indicators.Add(indicator);
            }
            indicator.Label = e.Label.Trim();
            indicator.Unit = e.Unit?.Trim() ?? "";
            indicator.Baseline = e.Baseline;
            indicator.Target = e.Target;
        }
    }

    /// <summary>Puts <paramref name="item"/> at <paramref name="position"/> among <paramref name="siblings"/> and numbers them 1…n.</summary>
    private static void Place<T>(List<T> siblings, T item, int position, Action<T, int> setOrder)
    {
        siblings.Insert(Math.Clamp(position, 0, siblings.Count), item);
        for (var i = 0; i < siblings.Count; i++)
        {
            setOrder(siblings[i], i + 1);
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
