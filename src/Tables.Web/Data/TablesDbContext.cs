using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Members;
using Tables.Web.Features.Portrait;
using Tables.Web.Features.Tables;

namespace Tables.Web.Data;

/// <summary>
/// The one context of the app. Every <see cref="ITableOwned"/> row is filtered by the table in scope
/// (<see cref="TableScope"/>, set explicitly by the request, hub call or screen): out of scope nothing table-owned is
/// seen. Every change to an <see cref="IAudited"/> row writes an audit entry in the same transaction, and
/// <see cref="IVersioned"/> rows get a new version on every save (optimistic concurrency).
/// </summary>
public sealed class TablesDbContext(DbContextOptions<TablesDbContext> options, TableScope? scope = null) : IdentityDbContext<TablesUser>(options)
{
    // Design-time tools build the context without a scope: nothing table-owned is seen.
    private readonly TableScope _scope = scope ?? new TableScope();

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web)
    {
        // Stored, never written into a page: keep accents readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The table this context's queries see (read by the query filters at each query).</summary>
    private int? TableInScope => _scope.TableId;

    private bool SeesAllTables => _scope.AllTables;

    public DbSet<Table> Tables => Set<Table>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Cycle> Cycles => Set<Cycle>();
    public DbSet<PhaseChange> PhaseChanges => Set<PhaseChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Priority> Priorities => Set<Priority>();
    public DbSet<Forum> Forums => Set<Forum>();
    public DbSet<ForumActivity> ForumActivities => Set<ForumActivity>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Idea> Ideas => Set<Idea>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<CyclePortrait> Portraits => Set<CyclePortrait>();
    public DbSet<PortraitIndicator> PortraitIndicators => Set<PortraitIndicator>();
    public DbSet<PortraitNarrative> PortraitNarratives => Set<PortraitNarrative>();
    public DbSet<PortraitResource> PortraitResources => Set<PortraitResource>();
    public DbSet<Testimony> Testimonies => Set<Testimony>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TablesDbContext).Assembly);
        // One rule for every table-owned entity, present and future: implementing ITableOwned is enough.
        var filter = typeof(TablesDbContext).GetMethod(nameof(FilterByTable), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.BaseType is null && typeof(ITableOwned).IsAssignableFrom(e.ClrType)).ToList())
        {
            filter.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
        }
    }

    private void FilterByTable<T>(ModelBuilder builder) where T : class, ITableOwned =>
        builder.Entity<T>().HasQueryFilter(row => SeesAllTables || row.TableId == TableInScope);

    /// <summary>Saves, recording <paramref name="actor"/> in the audit entries of this save.</summary>
    public async Task<int> SaveChangesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        StampVersions();
        var pending = ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (Entry: e, Action: ToAction(e.State), Before: e.State == EntityState.Added ? null : Snapshot(e, original: true)))
            .ToList();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(cancellationToken);
        }

        // Generated keys exist only after the first save: write the audit in the same transaction, after it.
        var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(cancellationToken);
            var now = DateTime.UtcNow;
            foreach (var (entry, action, before) in pending)
            {
                AuditEntries.Add(new AuditEntry
                {
                    TableId = ((IAudited)entry.Entity).AuditTableId,
                    ActorId = actor.UserId,
                    ActorName = actor.Name,
                    At = now,
                    Entity = entry.Metadata.ClrType.Name,
                    EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
                    Action = action,
                    Before = before,
                    After = action == AuditAction.Deleted ? null : Snapshot(entry, original: false),
                });
            }
            await base.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return count;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void StampVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }

    private static AuditAction ToAction(EntityState state) => state switch
    {
        EntityState.Added => AuditAction.Created,
        EntityState.Deleted => AuditAction.Deleted,
        _ => AuditAction.Updated,
    };

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = entry.Properties
            .Where(p => p.Metadata.Name != nameof(IVersioned.Version))
            .ToDictionary(p => p.Metadata.Name, p => original ? p.OriginalValue : p.CurrentValue);
        return JsonSerializer.Serialize(values, AuditJson);
    }

    /// <summary>The audit JSON of a row this context does not track (bulk writes, <see cref="BulkRows{T}"/>), as <see cref="SaveChangesAsync(Actor, CancellationToken)"/> writes it.</summary>
    public string AuditSnapshot(object entity)
    {
        var values = Model.FindEntityType(entity.GetType())!.GetProperties()
            .Where(p => p.Name != nameof(IVersioned.Version))
            .ToDictionary(p => p.Name, p => p.PropertyInfo?.GetValue(entity));
        return JsonSerializer.Serialize(values, AuditJson);
    }
}
