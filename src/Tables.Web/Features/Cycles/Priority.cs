using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Cycles;

/// <summary>A priority the table chose for a cycle (often promoted from a ballot's result); the action plan hangs off it.</summary>
public sealed class Priority : IAudited, IVersioned, ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int CycleId { get; set; }
    public string Title { get; set; } = "";
    public int Order { get; set; }
    /// <summary>The ballot it came from, if any.</summary>
    public int? BallotId { get; set; }
    public Guid Version { get; set; }

    int IAudited.AuditTableId => TableId;
}

internal sealed class PriorityConfiguration : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(TableRules.NameMax);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(p => p.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasVersion();
    }
}
