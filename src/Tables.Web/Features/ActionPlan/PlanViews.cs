namespace Tables.Web.Features.ActionPlan;

// What screens and the API show of the plan. Money is decimal (JSON numbers far below 2^53); progress 0–100.

public sealed record PlanView(int CycleId, string CycleTitle, DateOnly CycleStart, DateOnly CycleEnd, PlanSettingsView Settings,
    IReadOnlyList<PriorityView> Priorities);

public sealed record PlanSettingsView(bool Published, bool ShowBudgets, Guid Version);

public sealed record PriorityView(int Id, string Title, int Order, int? BallotId, double? Progress, Guid Version, IReadOnlyList<ObjectiveView> Objectives);

public sealed record ObjectiveView(int Id, int PriorityId, string Title, string Description, int Order, decimal? Weight, bool Archived, double? Progress,
    Guid Version, IReadOnlyList<ActionSummary> Actions);

/// <summary>An action in a list; <see cref="Budget"/> is null when the reader may not see budgets.</summary>
public sealed record ActionSummary(int Id, int ObjectiveId, string Title, string? Theme, TransitionTag Tag, int? LeadOrganisationId, string? Lead,
    IReadOnlyList<string> Partners, string? WorkingGroup, DateOnly? Start, DateOnly? End, ActionStatus Status, int Progress, decimal? Weight,
    bool Archived, decimal? Budget, bool Late, int LateMilestones, bool CanReport, Guid Version);

public sealed record ActionDetail(ActionSummary Summary, string Description, int PriorityId, string PriorityTitle, string ObjectiveTitle,
    IReadOnlyList<int> PartnerOrganisationIds, IReadOnlyList<FundingLineView> Funding, IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<IndicatorView> Indicators, IReadOnlyList<JournalView> Journal);

public sealed record FundingLineView(string Funder, decimal Amount, FundingStatus Status);

public sealed record MilestoneView(int Id, string Title, DateOnly Due, bool Done, DateOnly? DoneOn, bool Late);

public sealed record IndicatorView(int Id, string Label, string Unit, decimal? Baseline, decimal? Target, IReadOnlyList<IndicatorValueView> Values);

public sealed record IndicatorValueView(int Id, DateOnly On, decimal Value, string? Note);

/// <summary>A journal entry. <see cref="Author"/> is the person for members, null on the public page (the organisation stays).</summary>
public sealed record JournalView(long Id, DateOnly On, DateTime At, string? Author, string? Organisation, string Text, ActionStatus? Status, int? Progress);

/// <summary>One change in an action's history: who, when, what, and each field before and after.</summary>
public sealed record HistoryLine(DateTime At, string By, string Entity, string Action, IReadOnlyList<FieldChange> Changes);

public sealed record FieldChange(string Field, string? Before, string? After);
