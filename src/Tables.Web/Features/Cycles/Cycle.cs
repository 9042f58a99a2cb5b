using Tables.Web.Data.Auditing;

namespace Tables.Web.Features.Cycles;

/// <summary>One plan de quartier of a table: portrait → consultation → priorisation → plan → mise en œuvre → évaluation.</summary>
public sealed class Cycle : IAudited, IVersioned, Data.ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public Phase Phase { get; set; }
    public List<PhaseChange> PhaseHistory { get; set; } = [];
    public Guid Version { get; set; }

    int IAudited.AuditTableId => TableId;
}

/// <summary>The six phases of a cycle, in order.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<Phase>))]
public enum Phase
{
    Portrait,
    Consultation,
    Prioritization,
    ActionPlan,
    Implementation,
    Evaluation,
}

/// <summary>A dated move of a cycle from one phase to another (forward or back).</summary>
public sealed class PhaseChange : Data.ITableOwned
{
    public int Id { get; set; }
    /// <summary>The cycle's table.</summary>
    public int TableId { get; set; }
    public int CycleId { get; set; }
    public Phase? From { get; set; }
    public Phase To { get; set; }
    public DateTime At { get; set; }
    public string ByName { get; set; } = "";
}
