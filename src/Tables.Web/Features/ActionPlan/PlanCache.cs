using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Tables.Web.Data;
using Tables.Web.Features.Live;

namespace Tables.Web.Features.ActionPlan;

/// <summary>
/// A cycle's plan rows kept in memory at the version of its <c>plan:{cycle}</c> topic. Every plan write bumps that
/// version in its own transaction (the rows are <see cref="ILiveRow"/>s, and a write to an action's parts touches the
/// action), and the version is read from the database at every use — so a kept plan is used only while it is still the
/// plan, on any instance. The cycle and the organisations' names (written by other features) are read fresh each time.
/// Readers share the kept rows: nothing may change them (the snapshot is read-only by contract).
/// </summary>
public sealed class PlanCache(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private sealed record Kept(long Version, PlanSnapshot Plan);

    public async Task<PlanSnapshot?> LoadAsync(TablesDbContext db, int tableId, int cycleId, CancellationToken ct)
    {
        // The version first: rows read after it are at least as new, so a change in between is read again next time.
        var version = await db.ReadAsync(PlanTopic.Of(cycleId), ct);
        var cycle = await db.Cycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId && c.TableId == tableId, ct);
        if (cycle is null)
        {
            return null;
        }
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.TableId == tableId).ToDictionaryAsync(o => o.Id, ct);
        var key = (nameof(PlanCache), tableId, cycleId);
        if (!cache.TryGetValue(key, out Kept? kept) || kept!.Version != version)
        {
            var plan = await PlanSnapshot.LoadAsync(db, tableId, cycleId, ct);
            if (plan is null)
            {
                return null;
            }
            kept = new Kept(version, plan);
            cache.Set(key, kept, new MemoryCacheEntryOptions { SlidingExpiration = Lifetime, Size = 1 });
        }
        return kept.Plan.With(cycle, organisations);
    }
}
