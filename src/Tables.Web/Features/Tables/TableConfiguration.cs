using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tables.Web.Data;

namespace Tables.Web.Features.Tables;

internal sealed class TableConfiguration : IEntityTypeConfiguration<Table>
{
    public void Configure(EntityTypeBuilder<Table> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(TableRules.NameMax);
        builder.Property(t => t.Slug).HasMaxLength(TableRules.SlugMax);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Neighbourhood).HasMaxLength(TableRules.NameMax);
        builder.Property(t => t.Description).HasMaxLength(TableRules.DescriptionMax);
        builder.Property(t => t.DefaultLanguage).HasMaxLength(2);
        builder.HasVersion();
    }
}
