using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tables.Web.Data;

namespace Tables.Web.Features.Jobs;

/// <summary>
/// One background job's row: which instance holds its lease and until when, and when it last ran. Claiming is one
/// conditional UPDATE, so with several instances on one database a job runs once per interval, not once per instance.
/// </summary>
public sealed class JobRun
{
    public string Name { get; set; } = "";
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public DateTime? LastStartedAt { get; set; }
    public DateTime? LastFinishedAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.HasKey(j => j.Name);
        builder.Property(j => j.Name).HasMaxLength(64);
        builder.Property(j => j.LeaseOwner).HasMaxLength(64);
        builder.Property(j => j.LastError).HasMaxLength(2000);
    }
}

/// <summary>Claims and releases job leases in the database (SQLite and PostgreSQL alike).</summary>
public static class JobLeases
{
    /// <summary>
    /// Takes the job's lease for <paramref name="lease"/> when nobody holds a live one and it last started at least
    /// <paramref name="interval"/> ago. True: this caller runs the job now; false: another instance does, or it is not due.
    /// </summary>
    public static async Task<bool> TryClaimAsync(TablesDbContext db, string name, string owner, TimeSpan interval, TimeSpan lease, DateTime now, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "JobRuns" ("Name") VALUES ({name}) ON CONFLICT ("Name") DO NOTHING""", ct);
        var due = now - interval;
        var until = now + lease;
        var claimed = await db.Set<JobRun>()
            .Where(j => j.Name == name && (j.LeaseUntil == null || j.LeaseUntil < now) && (j.LastStartedAt == null || j.LastStartedAt <= due))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, owner).SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.LastStartedAt, now), ct);
        return claimed == 1;
    }

    public static Task ReleaseAsync(TablesDbContext db, string name, string owner, DateTime now, string? error, CancellationToken ct) =>
        db.Set<JobRun>().Where(j => j.Name == name && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTime?)null)
                .SetProperty(j => j.LastFinishedAt, now).SetProperty(j => j.LastError, error), ct);
}
