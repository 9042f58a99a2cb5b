using System.Text.Json.Serialization;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;

namespace Tables.Web.Features.ActionPlan;

// The action plan of a cycle: Priority (Features/Cycles) → Objective → ActionItem, with the action's funding lines,
// milestones, indicators and progress journal. Names follow Tables.Reports' PlanReport so that mapping is direct.
// Every row is audited with the action (or objective) it belongs to as its subject: an action's history is one query.

/// <summary>An objective of a priority; its progress is rolled up from its actions, never typed.</summary>
public sealed class Objective : IAudited, IVersioned, ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int CycleId { get; set; }
    public int PriorityId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public int Order { get; set; }
    /// <summary>Weight in its priority's roll-up; null counts as 1 (so no weights at all is the plain mean).</summary>
    public decimal? Weight { get; set; }
    public bool Archived { get; set; }
    public Guid Version { get; set; }

    int IAudited.AuditTableId => TableId;
    string? IAudited.AuditSubject => PlanSubjects.Objective(Id);
}

/// <summary>An action of the plan, carried out by a lead organisation with partners.</summary>
public sealed class ActionItem : IAudited, IVersioned, ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int CycleId { get; set; }
    public int ObjectiveId { get; set; }
    public int Order { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Theme { get; set; }
    public TransitionTag Tag { get; set; }
    public int? LeadOrganisationId { get; set; }
    /// <summary>The working group (comité) that follows it.</summary>
    public string? WorkingGroup { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public ActionStatus Status { get; set; }
    /// <summary>0–100.</summary>
    public int Progress { get; set; }
    /// <summary>Weight in its objective's roll-up; null counts as 1.</summary>
    public decimal? Weight { get; set; }
    public bool Archived { get; set; }
    /// <summary>Last change of anything about the action (its fields, journal, milestones, indicator values).</summary>
    public DateTime UpdatedAt { get; set; }
    public List<ActionPartner> Partners { get; set; } = [];
    public List<ActionIdea> Ideas { get; set; } = [];
    public List<FundingLine> Funding { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    public List<Indicator> Indicators { get; set; } = [];
    public Guid Version { get; set; }

    int IAudited.AuditTableId => TableId;
    string? IAudited.AuditSubject => PlanSubjects.Action(Id);

    public decimal Budget => Funding.Sum(f => f.Amount);
}

/// <summary>A partner organisation of an action (besides its lead).</summary>
public sealed class ActionPartner : IAudited, ITableOwned
{
    public int ActionId { get; set; }
    public int OrganisationId { get; set; }
    public int TableId { get; set; }

    int IAudited.AuditTableId => TableId;
    string? IAudited.AuditSubject => PlanSubjects.Action(ActionId);
}

/// <summary>A forum idea an action carries out, named by the staff (besides the ideas behind its priority's ballot option).</summary>
public sealed class ActionIdea : IAudited, ITableOwned
{
    public int ActionId { get; set; }
    public int IdeaId { get; set; }
    public int TableId { get; set; }

    int IAudited.AuditTableId => TableId;
    string? IAudited.AuditSubject => PlanSubjects.Action(ActionId);
}

/// <summary>One funder's part of an action's budget.</summary>
public sealed class FundingLine : IAudited, ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int ActionId { get; set; }
    public string Funder { get; set; } = "";
    public decimal Amount { get; set; }
    public FundingStatus Status { get; set; }

    int IAudited.AuditTableId => TableId;
    string? IAudited.AuditSubject => PlanSubjects.Action(ActionId);
}

public sealed class Milestone : IAudited, ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int ActionId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly Due { get; set; }
    public bool Done { get; set; }
    public DateOnly? DoneOn { get; set; }

    int IAudited.AuditTableId => TableId;
    string? IAudited.AuditSubject => PlanSubjects.Action(ActionId);

    /// <summary>Past due and not done on <paramref name="today"/>.</summary>
    public bool IsLate(DateOnly today) => !Done && Due < today;
}

/// <summary>What an action measures: a baseline, a target and dated actual values.</summary>
public sealed class Indicator : IAudited, ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int ActionId { get; set; }
    public string Label { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
    public List<IndicatorValue> Values { get; set; } = [];

    int IAudited.AuditTableId => TableId;
    string? IAudited.AuditSubject => PlanSubjects.Action(ActionId);
}

public sealed class IndicatorValue : IAudited, ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int IndicatorId { get; set; }
    /// <summary>The indicator's action (denormalised so its history and exports need no join).</summary>
    public int ActionId { get; set; }
    public DateOnly On { get; set; }
    public decimal Value { get; set; }
    public string? Note { get; set; }

    int IAudited.AuditTableId => TableId;
    string? IAudited.AuditSubject => PlanSubjects.Action(ActionId);
}

/// <summary>A dated entry of an action's progress journal, by a partner or the staff, optionally moving status and progress.</summary>
public sealed class JournalEntry : IAudited, ITableOwned
{
    public long Id { get; set; }
    public int TableId { get; set; }
    public int CycleId { get; set; }
    public int ActionId { get; set; }
    /// <summary>The day the entry speaks of (chosen by its author).</summary>
    public DateOnly On { get; set; }
    /// <summary>When it was written.</summary>
    public DateTime At { get; set; }
    public string? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    /// <summary>The author's organisation at the time (shown publicly instead of the person).</summary>
    public string? OrganisationName { get; set; }
    public string Text { get; set; } = "";
    public ActionStatus? Status { get; set; }
    public int? Progress { get; set; }

    int IAudited.AuditTableId => TableId;
    string? IAudited.AuditSubject => PlanSubjects.Action(ActionId);
}

/// <summary>How a cycle's plan is shown outside the table: published or not, budgets or not.</summary>
public sealed class PlanSettings : IAudited, IVersioned, ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int CycleId { get; set; }
    /// <summary>The plan's public page exists (for a public table: for everyone; else for members).</summary>
    public bool Published { get; set; }
    /// <summary>The public page shows budgets and funders.</summary>
    public bool ShowBudgets { get; set; }
    public Guid Version { get; set; }

    int IAudited.AuditTableId => TableId;
}

/// <summary>When a person last looked at a table's plan, for "what changed since my last visit".</summary>
public sealed class PlanVisit : ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The last time the person looked.</summary>
    public DateTime SeenAt { get; set; }
    /// <summary>The last time they looked before the current visit: what changed after it is "new".</summary>
    public DateTime? PreviousSeenAt { get; set; }
}

/// <summary>The audit subjects of the plan: every change to an action or its parts is filed under "ActionItem:{id}".</summary>
public static class PlanSubjects
{
    public static string Action(int id) => $"ActionItem:{id}";
    public static string Objective(int id) => $"Objective:{id}";
}

/// <summary>Planned, in progress, done, suspended, cancelled (DOMAIN.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionStatus>))]
public enum ActionStatus
{
    Planned,
    InProgress,
    Done,
    Suspended,
    Cancelled,
}

/// <summary>Social / ecological tag of an action ("fin du monde, fin du mois, même combat").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TransitionTag>))]
public enum TransitionTag
{
    None,
    Social,
    Ecological,
    Both,
}

[JsonConverter(typeof(JsonStringEnumConverter<FundingStatus>))]
public enum FundingStatus
{
    Requested,
    Granted,
    Received,
}
