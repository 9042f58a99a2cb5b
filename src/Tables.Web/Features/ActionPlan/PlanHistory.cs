using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;

namespace Tables.Web.Features.ActionPlan;

/// <summary>
/// An action's history from the audit: every change to it and its parts (filed under its subject), newest first, each
/// with who, when, and the fields that changed before → after. Bookkeeping fields (ids, order, last update) are left out.
/// </summary>
public sealed class PlanHistory(TablesDbContext db)
{
    private static readonly HashSet<string> Hidden = ["Id", "TableId", "CycleId", "ActionId", "IndicatorId", "ObjectiveId", "UpdatedAt", "AuthorId", "At", "Order"];

    public async Task<IReadOnlyList<HistoryLine>> ForActionAsync(PlanRights rights, int actionId, int max = 200, CancellationToken ct = default)
    {
        if (!rights.Access.CanObserve || !await db.Actions.AnyAsync(a => a.Id == actionId && a.TableId == rights.Access.Table.Id, ct))
        {
            throw new NotFoundException();
        }
        var subject = PlanSubjects.Action(actionId);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.TableId == rights.Access.Table.Id && a.Subject == subject)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(max).ToListAsync(ct);
        return entries.Select(ToLine).Where(l => l.Changes.Count > 0 || l.Action != nameof(AuditAction.Updated)).ToList();
    }

    public static HistoryLine ToLine(AuditEntry entry) =>
        new(entry.At, entry.ActorName, entry.Entity, entry.Action.ToString(), Diff(entry.Before, entry.After));

    /// <summary>The fields whose value differs between two audit snapshots (created: every non-empty field; deleted: every field).</summary>
    public static IReadOnlyList<FieldChange> Diff(string? before, string? after)
    {
        var b = Read(before);
        var a = Read(after);
        return b.Keys.Union(a.Keys).Where(k => !Hidden.Contains(k))
            .Select(k => new FieldChange(k, b.GetValueOrDefault(k), a.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After && !(before is null && string.IsNullOrEmpty(c.After)))
            .ToList();
    }

    private static Dictionary<string, string?> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => p.Value.GetString(),
            _ => p.Value.GetRawText(),
        });
    }
}
