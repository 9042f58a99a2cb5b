using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tables.Web.Data;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Members;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.ActionPlan;

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.Property(o => o.Title).HasMaxLength(PlanRules.TitleMax);
        builder.Property(o => o.Description).HasMaxLength(PlanRules.DescriptionMax);
        builder.HasOne<Priority>().WithMany().HasForeignKey(o => o.PriorityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.TableId, o.CycleId });
        builder.HasVersion();
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("Actions");
        builder.Property(a => a.Title).HasMaxLength(PlanRules.TitleMax);
        builder.Property(a => a.Description).HasMaxLength(PlanRules.DescriptionMax);
        builder.Property(a => a.Theme).HasMaxLength(TableRules.NameMax);
        builder.Property(a => a.WorkingGroup).HasMaxLength(TableRules.NameMax);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Tag).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Objective>().WithMany().HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.LeadOrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Partners).WithOne().HasForeignKey(p => p.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Ideas).WithOne().HasForeignKey(i => i.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Funding).WithOne().HasForeignKey(f => f.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Milestones).WithOne().HasForeignKey(m => m.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Indicators).WithOne().HasForeignKey(i => i.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TableId, a.CycleId });
        builder.HasVersion();
    }
}

internal sealed class ActionPartnerConfiguration : IEntityTypeConfiguration<ActionPartner>
{
    public void Configure(EntityTypeBuilder<ActionPartner> builder)
    {
        builder.HasKey(p => new { p.ActionId, p.OrganisationId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionIdeaConfiguration : IEntityTypeConfiguration<ActionIdea>
{
    public void Configure(EntityTypeBuilder<ActionIdea> builder)
    {
        builder.HasKey(i => new { i.ActionId, i.IdeaId });
        builder.HasOne<Forums.Idea>().WithMany().HasForeignKey(i => i.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.IdeaId);
    }
}

internal sealed class FundingLineConfiguration : IEntityTypeConfiguration<FundingLine>
{
    public void Configure(EntityTypeBuilder<FundingLine> builder)
    {
        builder.Property(f => f.Funder).HasMaxLength(TableRules.NameMax);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder) => builder.Property(m => m.Title).HasMaxLength(PlanRules.TitleMax);
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Label).HasMaxLength(PlanRules.TitleMax);
        builder.Property(i => i.Unit).HasMaxLength(32);
        builder.HasMany(i => i.Values).WithOne().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder) => builder.Property(v => v.Note).HasMaxLength(PlanRules.TitleMax);
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("Journal");
        builder.Property(j => j.AuthorName).HasMaxLength(256);
        builder.Property(j => j.OrganisationName).HasMaxLength(TableRules.NameMax);
        builder.Property(j => j.Text).HasMaxLength(PlanRules.JournalMax);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<ActionItem>().WithMany().HasForeignKey(j => j.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.TableId, j.CycleId, j.At });
        builder.HasIndex(j => new { j.ActionId, j.On });
    }
}

internal sealed class PlanSettingsConfiguration : IEntityTypeConfiguration<PlanSettings>
{
    public void Configure(EntityTypeBuilder<PlanSettings> builder)
    {
        builder.HasOne<Cycle>().WithMany().HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.CycleId).IsUnique();
        builder.HasVersion();
    }
}

internal sealed class PlanVisitConfiguration : IEntityTypeConfiguration<PlanVisit>
{
    public void Configure(EntityTypeBuilder<PlanVisit> builder)
    {
        builder.Property(v => v.UserId).HasMaxLength(450);
        builder.HasIndex(v => new { v.TableId, v.UserId }).IsUnique();
    }
}

/// <summary>Limits of the plan's fields (validators and columns alike).</summary>
public static class PlanRules
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 4000;
    public const int JournalMax = 4000;
    public const int ListMax = 50;
    public const decimal AmountMax = 100_000_000m;
    public const decimal WeightMax = 1000m;
}
