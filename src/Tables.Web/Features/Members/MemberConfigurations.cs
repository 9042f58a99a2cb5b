using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tables.Web.Data;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Members;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(TableRules.NameMax);
        builder.Property(o => o.Sector).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<Table>().WithMany().HasForeignKey(o => o.TableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.TableId, o.Name }).IsUnique();
        builder.HasVersion();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(32);
        builder.HasOne(m => m.Table).WithMany().HasForeignKey(m => m.TableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.TableId, m.UserId }).IsUnique();
        builder.HasVersion();
    }
}
