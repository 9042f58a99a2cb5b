namespace Tables.Reports.Models;

/// <summary>The cycle's action plan: the « Plan d'action » document's model.</summary>
public sealed record PlanReport
{
    public required TableInfo Table { get; init; }
    public required CycleInfo Cycle { get; init; }
    /// <summary>"fr" or "en".</summary>
    public string Language { get; init; } = "fr";
    /// <summary>Paragraphs of the summary.</summary>
    public IReadOnlyList<string> Summary { get; init; } = [];
    public IReadOnlyList<PortraitHighlight> Highlights { get; init; } = [];
    public required Prioritization Prioritization { get; init; }
    public required IReadOnlyList<PlanPriority> Priorities { get; init; }
    /// <summary>When the report was produced (shown on the cover).</summary>
    public DateOnly Produced { get; init; }
}

/// <summary>A portrait indicator worth showing in the plan.</summary>
public sealed record PortraitHighlight(string Theme, string Label, string Value, string? Comparison, string Source, string? Note = null);

/// <summary>How the priorities were chosen: the consultation's figures and the deciding ballot(s).</summary>
public sealed record Prioritization
{
    public int Forums { get; init; }
    public long Participants { get; init; }
    public long Ideas { get; init; }
    /// <summary>The method in a few sentences (the table's words).</summary>
    public IReadOnlyList<string> Method { get; init; } = [];
    /// <summary>The ballot that chose the priorities (its chart is shown), then any other (all in the appendix).</summary>
    public IReadOnlyList<BallotReport> Ballots { get; init; } = [];
}

public sealed record PlanPriority
{
    public required string Title { get; init; }
    public string? Theme { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyList<string> Objectives { get; init; } = [];
    public IReadOnlyList<PlanAction> Actions { get; init; } = [];
}

public sealed record PlanAction
{
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public TransitionTag Tag { get; init; }
    public required string Lead { get; init; }
    public IReadOnlyList<string> Partners { get; init; } = [];
    public DateOnly Start { get; init; }
    public DateOnly End { get; init; }
    public ActionStatus Status { get; init; }
    /// <summary>0–100.</summary>
    public int Progress { get; init; }
    public IReadOnlyList<Funding> Funding { get; init; } = [];

    public decimal Budget => Funding.Sum(f => f.Amount);
}

public sealed record Funding(string Funder, decimal Amount, FundingStatus Status);
