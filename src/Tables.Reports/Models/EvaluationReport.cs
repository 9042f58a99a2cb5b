namespace Tables.Reports.Models;

/// <summary>The cycle's evaluation: the « Évaluation » document's model.</summary>
public sealed record EvaluationReport
{
    public required TableInfo Table { get; init; }
    public required CycleInfo Cycle { get; init; }
    public string Language { get; init; } = "fr";
    public DateOnly Produced { get; init; }
    public IReadOnlyList<string> Summary { get; init; } = [];
    public required ParticipationFigures Participation { get; init; }
    public required IdeaChain Chain { get; init; }
    public required IReadOnlyList<EvaluatedPriority> Priorities { get; init; }
    public IReadOnlyList<string> Levers { get; init; } = [];
    public IReadOnlyList<string> Obstacles { get; init; } = [];
    public IReadOnlyList<Testimony> Testimonies { get; init; } = [];
    public IReadOnlyList<string> Recommendations { get; init; } = [];
}

/// <summary>Figures computed from the data by the web layer.</summary>
public sealed record ParticipationFigures
{
    public int ForumsHeld { get; init; }
    public long Participants { get; init; }
    public long Ideas { get; init; }
    public int Ballots { get; init; }
    public long BallotsCast { get; init; }
    /// <summary>Participants per declared group, across forums.</summary>
    public IReadOnlyList<GroupCount> Groups { get; init; } = [];
    /// <summary>Organisations involved, per sector label.</summary>
    public IReadOnlyList<GroupCount> OrganisationsBySector { get; init; } = [];
    public int PartnersPostingProgress { get; init; }
    public int ProgressEntries { get; init; }
}

/// <summary>What became of the forums' ideas, in numbers.</summary>
public sealed record IdeaChain(long Ideas, long BallotOptions, int Priorities, int Actions, int ActionsDone);

public enum Outcome
{
    Achieved,
    Partly,
    NotAchieved,
}

public sealed record EvaluatedPriority
{
    public required string Title { get; init; }
    public IReadOnlyList<EvaluatedAction> Actions { get; init; } = [];
}

public sealed record EvaluatedAction
{
    public required string Title { get; init; }
    public required string Lead { get; init; }
    public ActionStatus Status { get; init; }
    public TransitionTag Tag { get; init; }
    public Outcome Outcome { get; init; }
    public string Comment { get; init; } = "";
    public decimal Budget { get; init; }
    public IReadOnlyList<IndicatorResult> Indicators { get; init; } = [];
}

/// <summary>An indicator: baseline, target and the values measured over time (last = actual).</summary>
public sealed record IndicatorResult(string Name, string Unit, decimal Baseline, decimal Target, IReadOnlyList<IndicatorValue> Values)
{
    public decimal Actual => Values.Count > 0 ? Values[^1].Value : Baseline;

    /// <summary>Share of the way from baseline to target (can pass 1; 0 when the target is the baseline).</summary>
    public decimal Attainment => Target == Baseline ? (Actual >= Target ? 1 : 0) : (Actual - Baseline) / (Target - Baseline);
}

public sealed record IndicatorValue(DateOnly Date, decimal Value);

public sealed record Testimony(string Quote, string Who);
