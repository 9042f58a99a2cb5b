using FluentValidation;
using Microsoft.Extensions.Localization;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.ActionPlan;

/// <summary>A priority entered by hand in the plan editor (promoted ones come from ballots).</summary>
public sealed class PriorityEdit
{
    public string Title { get; set; } = "";
    public Guid? Version { get; set; }
}

public sealed class ObjectiveEdit
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public decimal? Weight { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>Everything about an action that the staff edit (partners report progress through <see cref="ProgressReport"/>).</summary>
public sealed class ActionEdit
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Theme { get; set; }
    public TransitionTag Tag { get; set; }
    public int? LeadOrganisationId { get; set; }
    public List<int> PartnerOrganisationIds { get; set; } = [];
    public string? WorkingGroup { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public ActionStatus Status { get; set; }
    public int Progress { get; set; }
    public decimal? Weight { get; set; }
    public List<FundingLineEdit> Funding { get; set; } = [];
    public List<MilestoneEdit> Milestones { get; set; } = [];
    public List<IndicatorEdit> Indicators { get; set; } = [];
    /// <summary>Forum ideas the action carries out (the chain "what became of my idea").</summary>
    public List<int> IdeaIds { get; set; } = [];
    public Guid? Version { get; set; }
}

public sealed class FundingLineEdit
{
    public string Funder { get; set; } = "";
    public decimal Amount { get; set; }
    public FundingStatus Status { get; set; }
}

/// <summary>A milestone; <see cref="Id"/> keeps an existing one, null adds one.</summary>
public sealed class MilestoneEdit
{
    public int? Id { get; set; }
    public string Title { get; set; } = "";
    public DateOnly? Due { get; set; }
    public bool Done { get; set; }
}

/// <summary>An indicator; <see cref="Id"/> keeps an existing one (and its values), null adds one.</summary>
public sealed class IndicatorEdit
{
    public int? Id { get; set; }
    public string Label { get; set; } = "";
    public string? Unit { get; set; }
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
}

/// <summary>A partner's report: status and progress of an action it leads or partners in.</summary>
public sealed class ProgressReport
{
    public ActionStatus Status { get; set; }
    public int Progress { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>A journal entry; a status or progress given moves the action too (then <see cref="Version"/> guards it).</summary>
public sealed class JournalPost
{
    public DateOnly? On { get; set; }
    public string Text { get; set; } = "";
    public ActionStatus? Status { get; set; }
    public int? Progress { get; set; }
    public Guid? Version { get; set; }
}

public sealed class MilestoneCheck
{
    public bool Done { get; set; }
}

public sealed class IndicatorValuePost
{
    public DateOnly? On { get; set; }
    public decimal? Value { get; set; }
    public string? Note { get; set; }
}

/// <summary>Moves a row among its siblings (0 = first), or under another parent (objective of an action, priority of an objective).</summary>
public sealed class PlanMove
{
    public int? ParentId { get; set; }
    public int Position { get; set; }
    public Guid? Version { get; set; }
}

public sealed class ArchiveRequest
{
    public bool Archived { get; set; } = true;
    public Guid? Version { get; set; }
}

public sealed class PlanSettingsEdit
{
    public bool Published { get; set; }
    public bool ShowBudgets { get; set; }
    public Guid? Version { get; set; }
}

public sealed class PriorityEditValidator : AbstractValidator<PriorityEdit>
{
    public PriorityEditValidator(IStringLocalizer<UiText> text) =>
        RuleFor(p => p.Title).NotEmpty().MaximumLength(TableRules.NameMax).WithName(_ => text["Field.Title"]);
}

public sealed class ObjectiveEditValidator : AbstractValidator<ObjectiveEdit>
{
    public ObjectiveEditValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(o => o.Title).NotEmpty().MaximumLength(PlanRules.TitleMax).WithName(_ => text["Field.Title"]);
        RuleFor(o => o.Description).MaximumLength(PlanRules.DescriptionMax).WithName(_ => text["Field.Description"]);
        RuleFor(o => o.Weight).InclusiveBetween(0m, PlanRules.WeightMax).WithName(_ => text["Field.Weight"]);
    }
}

public sealed class ActionEditValidator : AbstractValidator<ActionEdit>
{
    public ActionEditValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(a => a.Title).NotEmpty().MaximumLength(PlanRules.TitleMax).WithName(_ => text["Field.Title"]);
        RuleFor(a => a.Description).MaximumLength(PlanRules.DescriptionMax).WithName(_ => text["Field.Description"]);
        RuleFor(a => a.Theme).MaximumLength(TableRules.NameMax).WithName(_ => text["Field.Theme"]);
        RuleFor(a => a.WorkingGroup).MaximumLength(TableRules.NameMax).WithName(_ => text["Field.WorkingGroup"]);
        RuleFor(a => a.Tag).IsInEnum().WithName(_ => text["Field.Tag"]);
        RuleFor(a => a.Status).IsInEnum().WithName(_ => text["Field.Status"]);
        RuleFor(a => a.Progress).InclusiveBetween(0, 100).WithName(_ => text["Field.Progress"]);
        RuleFor(a => a.Weight).InclusiveBetween(0m, PlanRules.WeightMax).WithName(_ => text["Field.Weight"]);
        RuleFor(a => a.End).GreaterThanOrEqualTo(a => a.Start).When(a => a.Start is not null && a.End is not null)
            .WithMessage(_ => text["Validation.EndAfterStart"]).WithName(_ => text["Field.End"]);
        RuleFor(a => a.PartnerOrganisationIds).NotNull().Must(l => l.Count <= PlanRules.ListMax).WithName(_ => text["Field.Partners"]);
        RuleFor(a => a.IdeaIds).NotNull().Must(l => l.Count <= PlanRules.ListMax).WithName(_ => text["Field.Ideas"]);
        RuleFor(a => a.Funding).NotNull().Must(l => l.Count <= PlanRules.ListMax).WithName(_ => text["Field.Funding"]);
        RuleForEach(a => a.Funding).NotNull().WithName(_ => text["Field.Funding"]).ChildRules(f =>
        {
            f.RuleFor(x => x.Funder).NotEmpty().MaximumLength(TableRules.NameMax).WithName(_ => text["Field.Funder"]);
            f.RuleFor(x => x.Amount).InclusiveBetween(0m, PlanRules.AmountMax).WithName(_ => text["Field.Amount"]);
            f.RuleFor(x => x.Status).IsInEnum().WithName(_ => text["Field.FundingStatus"]);
        });
        RuleFor(a => a.Milestones).NotNull().Must(l => l.Count <= PlanRules.ListMax).WithName(_ => text["Field.Milestones"]);
        RuleForEach(a => a.Milestones).NotNull().WithName(_ => text["Field.Milestones"]).ChildRules(m =>
        {
            m.RuleFor(x => x.Title).NotEmpty().MaximumLength(PlanRules.TitleMax).WithName(_ => text["Field.Title"]);
            m.RuleFor(x => x.Due).NotNull().WithName(_ => text["Field.Due"]);
        });
        RuleFor(a => a.Indicators).NotNull().Must(l => l.Count <= PlanRules.ListMax).WithName(_ => text["Field.Indicators"]);
        RuleForEach(a => a.Indicators).NotNull().WithName(_ => text["Field.Indicators"]).ChildRules(i =>
        {
            i.RuleFor(x => x.Label).NotEmpty().MaximumLength(PlanRules.TitleMax).WithName(_ => text["Field.Label"]);
            i.RuleFor(x => x.Unit).MaximumLength(32).WithName(_ => text["Field.Unit"]);
            i.RuleFor(x => x.Baseline).InclusiveBetween(-PlanRules.AmountMax, PlanRules.AmountMax).WithName(_ => text["Field.Baseline"]);
            i.RuleFor(x => x.Target).InclusiveBetween(-PlanRules.AmountMax, PlanRules.AmountMax).WithName(_ => text["Field.Target"]);
        });
    }
}

public sealed class ProgressReportValidator : AbstractValidator<ProgressReport>
{
    public ProgressReportValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(p => p.Status).IsInEnum().WithName(_ => text["Field.Status"]);
        RuleFor(p => p.Progress).InclusiveBetween(0, 100).WithName(_ => text["Field.Progress"]);
    }
}

public sealed class JournalPostValidator : AbstractValidator<JournalPost>
{
    public JournalPostValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(j => j.Text).NotEmpty().MaximumLength(PlanRules.JournalMax).WithName(_ => text["Field.Text"]);
        RuleFor(j => j.On).NotNull().WithName(_ => text["Field.Date"]);
        RuleFor(j => j.Status).IsInEnum().WithName(_ => text["Field.Status"]);
        RuleFor(j => j.Progress).InclusiveBetween(0, 100).WithName(_ => text["Field.Progress"]);
    }
}

public sealed class IndicatorValuePostValidator : AbstractValidator<IndicatorValuePost>
{
    public IndicatorValuePostValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(v => v.On).NotNull().WithName(_ => text["Field.Date"]);
        RuleFor(v => v.Value).NotNull().InclusiveBetween(-PlanRules.AmountMax, PlanRules.AmountMax).WithName(_ => text["Field.Value"]);
        RuleFor(v => v.Note).MaximumLength(PlanRules.TitleMax).WithName(_ => text["Field.Note"]);
    }
}

public sealed class PlanMoveValidator : AbstractValidator<PlanMove>
{
    public PlanMoveValidator(IStringLocalizer<UiText> text) =>
        RuleFor(m => m.Position).InclusiveBetween(0, 10_000).WithName(_ => text["Field.Position"]);
}
