using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.Jobs;

namespace Tables.Web.Features.ActionPlan;

/// <summary>A person's weekly digest settings in one table (defaults when they never saved any: on for partners, Monday).</summary>
public sealed class DigestSettings : IVersioned, ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public string UserId { get; set; } = "";
    public bool Enabled { get; set; }
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;
    public bool Late { get; set; } = true;
    public bool Changes { get; set; } = true;
    public bool Journal { get; set; } = true;
    public Guid Version { get; set; }
}

/// <summary>A digest sent (or found empty) for one person and one ISO week: the unique index makes it once per week.</summary>
public sealed class DigestSent : ITableOwned
{
    public long Id { get; set; }
    public int TableId { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>ISO week, e.g. "2026-W49".</summary>
    public string Week { get; set; } = "";
    public DateTime At { get; set; }
    public int Items { get; set; }
}

internal sealed class DigestSettingsConfiguration : IEntityTypeConfiguration<DigestSettings>
{
    public void Configure(EntityTypeBuilder<DigestSettings> builder)
    {
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.Day).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(d => new { d.TableId, d.UserId }).IsUnique();
        builder.HasVersion();
    }
}

internal sealed class DigestSentConfiguration : IEntityTypeConfiguration<DigestSent>
{
    public void Configure(EntityTypeBuilder<DigestSent> builder)
    {
        builder.ToTable("DigestsSent");
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.Week).HasMaxLength(10);
        builder.HasIndex(d => new { d.TableId, d.UserId, d.Week }).IsUnique();
    }
}

public sealed class DigestSettingsEdit
{
    public bool Enabled { get; set; }
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;
    public bool Late { get; set; } = true;
    public bool Changes { get; set; } = true;
    public bool Journal { get; set; } = true;
    public Guid? Version { get; set; }
}

public sealed record DigestSettingsView(bool Enabled, DayOfWeek Day, bool Late, bool Changes, bool Journal, Guid? Version);

/// <summary>One line of a digest, with the one link it leads to.</summary>
public sealed record DigestItem(DateTime At, string Text, string Link);

public sealed record DigestContent(IReadOnlyList<DigestItem> Late, IReadOnlyList<DigestItem> Changes, IReadOnlyList<DigestItem> Journal)
{
    public int Count => Late.Count + Changes.Count + Journal.Count;
}

/// <summary>Sends the weekly digests that are due, once per person and week across instances.</summary>
public sealed class DigestJob : IBackgroundJob
{
    public string Name => "plan-digest";
    public TimeSpan Interval => TimeSpan.FromMinutes(30);
    public Task RunAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<DigestService>().SendDueAsync(ct);
}
