using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Cycles;

/// <summary>Cycles of one table and their phase changes. Callers pass a <see cref="TableAccess"/> already authorized.</summary>
public sealed class CycleService(
    TablesDbContext db,
    IValidator<CycleEdit> editValidator,
    IValidator<PhaseMove> moveValidator,
    IStringLocalizer<UiText> text,
    TimeProvider clock)
{
    public Task<List<Cycle>> ListAsync(TableAccess access, CancellationToken ct = default) =>
        db.Cycles.AsNoTracking().Where(c => c.TableId == access.Table.Id).OrderByDescending(c => c.Start).ToListAsync(ct);

    public async Task<Cycle?> FindAsync(TableAccess access, int id, CancellationToken ct = default)
    {
        var cycle = await db.Cycles.AsNoTracking().Include(c => c.PhaseHistory).FirstOrDefaultAsync(c => c.Id == id && c.TableId == access.Table.Id, ct);
        cycle?.PhaseHistory.Sort((a, b) => b.At.CompareTo(a.At) is var byTime and not 0 ? byTime : b.Id.CompareTo(a.Id));
        return cycle;
    }

    /// <summary>A new cycle starts in the portrait phase.</summary>
    public async Task<Cycle> CreateAsync(TableAccess access, ClaimsPrincipal user, CycleEdit edit, CancellationToken ct = default)
    {
        await editValidator.ValidateAndThrowAsync(edit, ct);
        var actor = user.ToActor();
        var cycle = new Cycle
        {
            TableId = access.Table.Id,
            Title = edit.Title.Trim(),
            Start = edit.Start!.Value,
            End = edit.End!.Value,
            Phase = Phase.Portrait,
            PhaseHistory = [new PhaseChange { TableId = access.Table.Id, From = null, To = Phase.Portrait, At = clock.GetUtcNow().UtcDateTime, ByName = actor.Name }],
        };
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync(actor, ct);
        return cycle;
    }

    public async Task UpdateAsync(TableAccess access, ClaimsPrincipal user, int id, CycleEdit edit, CancellationToken ct = default)
    {
        await editValidator.ValidateAndThrowAsync(edit, ct);
        var cycle = await TrackAsync(access, id, edit.Version, ct);
        cycle.Title = edit.Title.Trim();
        cycle.Start = edit.Start!.Value;
        cycle.End = edit.End!.Value;
        await db.SaveChangesAsync(user.ToActor(), ct);
    }

    /// <summary>Moves the cycle to the next or previous phase and records the change in its history.</summary>
    public async Task<Cycle> MovePhaseAsync(TableAccess access, ClaimsPrincipal user, int id, PhaseMove move, CancellationToken ct = default)
    {
        await moveValidator.ValidateAndThrowAsync(move, ct);
        var cycle = await TrackAsync(access, id, move.Version, ct);
        var target = PhaseRules.Move(cycle.Phase, move.Direction)
            ?? throw new ValidationException([new ValidationFailure(nameof(PhaseMove.Direction),
                text[move.Direction == PhaseDirection.Next ? "Validation.LastPhase" : "Validation.FirstPhase"])]);
        var actor = user.ToActor();
        db.PhaseChanges.Add(new PhaseChange { TableId = cycle.TableId, CycleId = cycle.Id, From = cycle.Phase, To = target, At = clock.GetUtcNow().UtcDateTime, ByName = actor.Name });
        cycle.Phase = target;
        await db.SaveChangesAsync(actor, ct);
        return cycle;
    }

    private async Task<Cycle> TrackAsync(TableAccess access, int id, Guid? version, CancellationToken ct)
    {
        var cycle = await db.Cycles.FirstOrDefaultAsync(c => c.Id == id && c.TableId == access.Table.Id, ct) ?? throw new NotFoundException();
        db.Entry(cycle).Property(c => c.Version).OriginalValue = version ?? cycle.Version;
        return cycle;
    }
}

/// <summary>The order of phases. A cycle moves one step at a time, forward or back.</summary>
public static class PhaseRules
{
    public static readonly IReadOnlyList<Phase> Order = Enum.GetValues<Phase>();

    public static Phase? Move(Phase from, PhaseDirection direction)
    {
        var index = (int)from + (direction == PhaseDirection.Next ? 1 : -1);
        return index >= 0 && index < Order.Count ? Order[index] : null;
    }
}
