using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Features.Live;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Portrait;

/// <summary>
/// The portrait's live topic, <c>portrait:{cycleId}</c>: every committed write to a cycle's portrait (an item, a
/// testimony, publication, a copy, an import) bumps it, and every open portrait page reads the portrait again — what a
/// partner saves appears at once on the others' screens, through the one live-update path.
/// </summary>
public static class PortraitTopics
{
    public const string Kind = "portrait";

    public static Topic Of(int cycleId) => new(Kind, cycleId);
}

/// <summary>
/// What a portrait topic carries: its version only. What a person may see of a portrait depends on who they are (a
/// draft, testimonies waiting for moderation), and a portrait of 400 indicators is too big to send at every save, so
/// each screen reads the portrait again with its own rights.
/// </summary>
public sealed record PortraitChange(int CycleId, long Version);

/// <summary>Reads the portrait topic (keyed by cycle, so a portrait's very first item is followed too).</summary>
public sealed class PortraitTopicSource(TablesDbContext db) : ILiveTopicSource
{
    public string Kind => PortraitTopics.Kind;

    public Task<int?> TableOfAsync(int id, CancellationToken ct) =>
        // Which table the cycle is in, before any table is in scope.
        db.Cycles.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => (int?)c.TableId).FirstOrDefaultAsync(ct);

    public string PolicyFor(LiveView view) => view == LiveView.Public ? TablePolicies.Read : TablePolicies.Partner;

    public async Task<LiveState?> ReadAsync(int id, CancellationToken ct)
    {
        var version = await db.ReadAsync(PortraitTopics.Of(id), ct);
        if (!await db.Cycles.AnyAsync(c => c.Id == id, ct))
        {
            return null;
        }
        var change = new PortraitChange(id, version);
        return new LiveState(version, change, change);
    }
}
