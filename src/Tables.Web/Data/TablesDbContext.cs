using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.ActionPlan;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Live;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Priorities;
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
public sealed class TablesDbContext(DbContextOptions<TablesDbContext> options, TableScope? scope = null, LiveUpdates? live = null)
    : IdentityDbContext<TablesUser>(options), IDataProtectionKeyContext
{
    // Topics changed by saves whose transaction has not committed yet: published when it does (LiveTransactions).
    private readonly List<(Topic Topic, int TableId)> _unpublished = [];

    // Design-time tools build the context without a scope: nothing table-owned is seen.
    private readonly TableScope _scope = scope ?? new TableScope();


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
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<ActionItem> Actions => Set<ActionItem>();
    public DbSet<ActionPartner> ActionPartners => Set<ActionPartner>();
    public DbSet<ActionIdea> ActionIdeas => Set<ActionIdea>();
    public DbSet<FundingLine> FundingLines => Set<FundingLine>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<PlanSettings> PlanSettings => Set<PlanSettings>();
    public DbSet<PlanVisit> PlanVisits => Set<PlanVisit>();
    public DbSet<IdeaFollower> IdeaFollowers => Set<IdeaFollower>();
    public DbSet<FollowNotice> FollowNotices => Set<FollowNotice>();
    public DbSet<DigestSettings> DigestSettings => Set<DigestSettings>();
    public DbSet<DigestSent> DigestsSent => Set<DigestSent>();

    /// <summary>ASP.NET Core Data Protection's keys: in the database, so a cookie issued by one instance is read by every other.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        TablesDatabase.ConfigureConventions(configurationBuilder, Database.ProviderName);

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
        return await InTransactionAsync(async () =>
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
                    Subject = ((IAudited)entry.Entity).AuditSubject,
                    Before = before,
                    After = action == AuditAction.Deleted ? null : Snapshot(entry, original: false),
                });
            }
            await base.SaveChangesAsync(cancellationToken);
            return count;
        }, cancellationToken);
    }

    /// <summary>
    /// Saves; when live rows (<see cref="ILiveRow"/>) changed, bumps their topics' versions in the same transaction (its
    /// own if the caller has none), and publishes the topics once that transaction has committed.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampVersions();
        var changed = ChangeTracker.Entries()
            .Where(e => e.Entity is ILiveRow && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity)
            .ToList();
        if (changed.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        return await InTransactionAsync(async () =>
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            // Read after the save: new rows have their keys.
            var topics = changed.SelectMany(row => ((ILiveRow)row).Topics.Select(t => (Topic: t, TableId: row is ITableOwned owned ? owned.TableId : 0))).Distinct().ToList();
            await this.BumpAsync(topics.Select(t => t.Topic), cancellationToken);
            _unpublished.AddRange(topics);
            return count;
        }, cancellationToken);
    }

    /// <summary>
    /// A change this context does not track as <see cref="ILiveRow"/>s (rows written in bulk, or rows that cannot name the
    /// topic they are part of) changed <paramref name="topic"/>: bumps its version in the current transaction and
    /// publishes it once that commits, exactly as for a live row.
    /// </summary>
    public async Task ChangedAsync(Topic topic, int tableId, CancellationToken ct)
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A topic is changed in the transaction of the change.");
        }
        await this.BumpAsync([topic], ct);
        _unpublished.Add((topic, tableId));
    }

    /// <summary>Runs <paramref name="save"/> in the caller's transaction, or in one of its own committed at the end.</summary>
    private async Task<int> InTransactionAsync(Func<Task<int>> save, CancellationToken ct)
    {
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var count = await save();
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        return count;
    }

    /// <summary>The save's transaction committed: what it changed goes to the screens (called by <see cref="LiveTransactions"/>).</summary>
    internal void Committed()
    {
        if (_unpublished.Count > 0)
        {
            live?.Changed(_unpublished);
            _unpublished.Clear();
        }
    }

    /// <summary>The save's transaction was rolled back: nothing changed.</summary>
    internal void RolledBack() => _unpublished.Clear();

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
        return JsonSerializer.Serialize(values, TablesJson.Options);
    }

    /// <summary>The audit JSON of a row this context does not track (bulk writes, <see cref="BulkRows{T}"/>), as <see cref="SaveChangesAsync(Actor, CancellationToken)"/> writes it.</summary>
    public string AuditSnapshot(object entity)
    {
        var values = Model.FindEntityType(entity.GetType())!.GetProperties()
            .Where(p => p.Name != nameof(IVersioned.Version))
            .ToDictionary(p => p.Name, p => p.PropertyInfo?.GetValue(entity));
        return JsonSerializer.Serialize(values, TablesJson.Options);
    }
}
