using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tables.Web.Data;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Cycles;

internal sealed class CycleConfiguration : IEntityTypeConfiguration<Cycle>
{
    public void Configure(EntityTypeBuilder<Cycle> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(TableRules.NameMax);
        builder.Property(c => c.Phase).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<Table>().WithMany().HasForeignKey(c => c.TableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.PhaseHistory).WithOne().HasForeignKey(p => p.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasVersion();
    }
}

internal sealed class PhaseChangeConfiguration : IEntityTypeConfiguration<PhaseChange>
{
    public void Configure(EntityTypeBuilder<PhaseChange> builder)
    {
        builder.Property(p => p.From).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.To).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.ByName).HasMaxLength(256);
    }
}
