using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tables.Web.Data.Auditing;

namespace Tables.Web.Data;

/// <summary>Shared mapping of <see cref="IVersioned.Version"/> as the optimistic-concurrency token.</summary>
internal static class VersionedMapping
{
    public static void HasVersion<T>(this EntityTypeBuilder<T> builder) where T : class, IVersioned
        => builder.Property(e => e.Version).IsConcurrencyToken();
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Entity).HasMaxLength(64);
        builder.Property(a => a.EntityId).HasMaxLength(64);
        builder.Property(a => a.ActorName).HasMaxLength(256);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Subject).HasMaxLength(64);
        builder.HasIndex(a => new { a.TableId, a.At });
        builder.HasIndex(a => new { a.TableId, a.Subject });
    }
}
