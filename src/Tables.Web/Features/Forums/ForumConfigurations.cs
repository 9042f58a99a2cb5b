using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tables.Web.Data;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Forums;

internal sealed class ForumConfiguration : IEntityTypeConfiguration<Forum>
{
    public void Configure(EntityTypeBuilder<Forum> builder)
    {
        builder.Property(f => f.Title).HasMaxLength(TableRules.NameMax);
        builder.Property(f => f.Place).HasMaxLength(TableRules.NameMax);
        builder.Property(f => f.JoinCode).HasMaxLength(JoinCodes.Length);
        builder.HasIndex(f => f.JoinCode).IsUnique();
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Table>().WithMany().HasForeignKey(f => f.TableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(f => f.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Activities).WithOne().HasForeignKey(a => a.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasVersion();
    }
}

internal sealed class ForumActivityConfiguration : IEntityTypeConfiguration<ForumActivity>
{
    public void Configure(EntityTypeBuilder<ForumActivity> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Title).HasMaxLength(TableRules.NameMax);
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.Property(p => p.Token).HasMaxLength(64);
        builder.HasIndex(p => p.Token).IsUnique();
        builder.Property(p => p.DisplayName).HasMaxLength(ForumRules.DisplayNameMax);
        builder.Property(p => p.Group).HasMaxLength(ForumRules.GroupMax);
        builder.HasOne<Forum>().WithMany().HasForeignKey(p => p.ForumId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> builder)
    {
        builder.Property(i => i.Text).HasMaxLength(ForumRules.IdeaMax);
        builder.Property(i => i.Theme).HasMaxLength(TableRules.ThemeMax);
        builder.Property(i => i.ClientMessageId).HasMaxLength(64);
        builder.HasOne<Forum>().WithMany().HasForeignKey(i => i.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(i => i.ParticipantId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => new { i.ParticipantId, i.ClientMessageId }).IsUnique();
    }
}
