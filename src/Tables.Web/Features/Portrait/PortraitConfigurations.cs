using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tables.Web.Data;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Forums;

namespace Tables.Web.Features.Portrait;

internal sealed class PortraitConfiguration : IEntityTypeConfiguration<CyclePortrait>
{
    public void Configure(EntityTypeBuilder<CyclePortrait> builder)
    {
        builder.HasOne<Cycle>().WithMany().HasForeignKey(p => p.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.CycleId).IsUnique();
        builder.HasVersion();
    }
}

/// <summary>What every item has: its portrait, theme, kind of knowledge and who brought it.</summary>
internal static class PortraitItemMapping
{
    public static void MapItem<T>(this EntityTypeBuilder<T> builder) where T : class, IPortraitItem, Data.Auditing.IVersioned
    {
        builder.HasOne<CyclePortrait>().WithMany().HasForeignKey(i => i.PortraitId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Theme).HasMaxLength(PortraitRules.ThemeMax);
        builder.Property(i => i.BroughtBy).HasMaxLength(PortraitRules.BroughtByMax);
        builder.HasIndex(i => new { i.PortraitId, i.Theme });
        builder.HasVersion();
    }
}

internal sealed class PortraitIndicatorConfiguration : IEntityTypeConfiguration<PortraitIndicator>
{
    public void Configure(EntityTypeBuilder<PortraitIndicator> builder)
    {
        builder.MapItem();
        builder.Property(i => i.Knowledge).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Label).HasMaxLength(PortraitRules.LabelMax);
        builder.Property(i => i.Unit).HasMaxLength(PortraitRules.UnitMax);
        builder.Property(i => i.Source).HasMaxLength(PortraitRules.SourceMax);
        builder.Property(i => i.ComparisonTerritory).HasMaxLength(PortraitRules.TerritoryMax);
        builder.Property(i => i.Note).HasMaxLength(PortraitRules.NoteMax);
        builder.Property(i => i.Key).HasMaxLength(PortraitRules.ThemeMax + PortraitRules.LabelMax + 8);
        // Theme + label + year is what a CSV import matches on: one indicator per key.
        builder.HasIndex(i => new { i.PortraitId, i.Key }).IsUnique();
    }
}

internal sealed class PortraitNarrativeConfiguration : IEntityTypeConfiguration<PortraitNarrative>
{
    public void Configure(EntityTypeBuilder<PortraitNarrative> builder)
    {
        builder.MapItem();
        builder.Property(n => n.Knowledge).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Section).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Title).HasMaxLength(PortraitRules.TitleMax);
        builder.Property(n => n.Body).HasMaxLength(PortraitRules.BodyMax);
    }
}

internal sealed class PortraitResourceConfiguration : IEntityTypeConfiguration<PortraitResource>
{
    public void Configure(EntityTypeBuilder<PortraitResource> builder)
    {
        builder.MapItem();
        builder.Property(r => r.Knowledge).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Name).HasMaxLength(PortraitRules.NameMax);
        builder.Property(r => r.Description).HasMaxLength(PortraitRules.DescriptionMax);
        builder.Property(r => r.Address).HasMaxLength(PortraitRules.AddressMax);
        builder.Property(r => r.Contact).HasMaxLength(PortraitRules.ContactMax);
        builder.Property(r => r.Website).HasMaxLength(PortraitRules.WebsiteMax);
    }
}

internal sealed class TestimonyConfiguration : IEntityTypeConfiguration<Testimony>
{
    public void Configure(EntityTypeBuilder<Testimony> builder)
    {
        builder.MapItem();
        builder.Ignore(t => t.Knowledge);
        builder.Property(t => t.Text).HasMaxLength(PortraitRules.TestimonyMax);
        builder.Property(t => t.SignedName).HasMaxLength(PortraitRules.SignedNameMax);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ClientMessageId).HasMaxLength(64);
        builder.HasOne<Forum>().WithMany().HasForeignKey(t => t.ForumId).OnDelete(DeleteBehavior.SetNull);
        // A phone that sends the same testimony twice (lost acknowledgement) gets it stored once.
        builder.HasIndex(t => new { t.ForumId, t.ParticipantId, t.ClientMessageId }).IsUnique();
    }
}
