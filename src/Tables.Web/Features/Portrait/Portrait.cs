using System.Text.Json.Serialization;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;

namespace Tables.Web.Features.Portrait;

/// <summary>
/// The neighbourhood portrait of one cycle (phase 1): indicators, narratives, resources and testimonies by theme.
/// Created on the first write; a cycle without one has an empty, unpublished portrait.
/// </summary>
public sealed class CyclePortrait : IAudited, IVersioned, ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int CycleId { get; set; }
    /// <summary>Published: readable by anyone when the table is public (members always read it).</summary>
    public bool IsPublic { get; set; }
    public Guid Version { get; set; }

    int IAudited.AuditTableId => TableId;
}

/// <summary>
/// The four kinds of knowledge that meet at a table (field report, "quatre types de savoir"): practitioners' field
/// knowledge, political knowledge, academic knowledge and residents' lived experience.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<KnowledgeKind>))]
public enum KnowledgeKind
{
    Field,
    Political,
    Academic,
    Experiential,
}

/// <summary>What every portrait item says about itself: its theme, which kind of knowledge it is and who brought it.</summary>
public interface IPortraitItem : ITableOwned
{
    int Id { get; }
    new int TableId { get; set; }
    int PortraitId { get; set; }
    string Theme { get; }
    KnowledgeKind Knowledge { get; }
    /// <summary>Who brought it: an organisation, a resident forum, an institution.</summary>
    string BroughtBy { get; }
}

/// <summary>A figure with its source, e.g. "Ménages locataires: 68 % (2021, Recensement) — Montréal 60 %".</summary>
public sealed class PortraitIndicator : IPortraitItem, IAudited, IVersioned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int PortraitId { get; set; }
    public string Theme { get; set; } = "";
    public string Label { get; set; } = "";
    public decimal Value { get; set; }
    public string Unit { get; set; } = "";
    public int Year { get; set; }
    public string Source { get; set; } = "";
    /// <summary>Territory of comparison, e.g. "Montréal"; set together with <see cref="ComparisonValue"/>.</summary>
    public string? ComparisonTerritory { get; set; }
    public decimal? ComparisonValue { get; set; }
    public string? Note { get; set; }
    public KnowledgeKind Knowledge { get; set; }
    public string BroughtBy { get; set; } = "";
    /// <summary>Theme + label + year, normalised: one indicator per key in a portrait (what a CSV import updates).</summary>
    public string Key { get; set; } = "";
    public Guid Version { get; set; }

    int IAudited.AuditTableId => TableId;
}

/// <summary>The four narrative sections of a theme.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NarrativeSection>))]
public enum NarrativeSection
{
    Strengths,
    Needs,
    Resources,
    Issues,
}

/// <summary>A text in Markdown under one section of a theme; several partners may each write one.</summary>
public sealed class PortraitNarrative : IPortraitItem, IAudited, IVersioned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int PortraitId { get; set; }
    public string Theme { get; set; } = "";
    public NarrativeSection Section { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary><see cref="Body"/> rendered and sanitised once, when saved (pages only show it).</summary>
    public string BodyHtml { get; set; } = "";
    public KnowledgeKind Knowledge { get; set; }
    public string BroughtBy { get; set; } = "";
    public Guid Version { get; set; }

    int IAudited.AuditTableId => TableId;
}

/// <summary>An organisation or service of the neighbourhood, for the theme's directory.</summary>
public sealed class PortraitResource : IPortraitItem, IAudited, IVersioned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int PortraitId { get; set; }
    public string Theme { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Address { get; set; } = "";
    /// <summary>Telephone, e-mail, opening hours: how to reach it.</summary>
    public string? Contact { get; set; }
    public string? Website { get; set; }
    public KnowledgeKind Knowledge { get; set; }
    public string BroughtBy { get; set; } = "";
    public Guid Version { get; set; }

    int IAudited.AuditTableId => TableId;
}

[JsonConverter(typeof(JsonStringEnumConverter<TestimonyStatus>))]
public enum TestimonyStatus
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>
/// A resident's short account of their lived experience on a theme: sent from a phone in a forum's portrait step or
/// typed by a facilitator from paper; anonymous unless signed. Accepted ones join the portrait as lived experience.
/// </summary>
public sealed class Testimony : IPortraitItem, IAudited, IVersioned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int PortraitId { get; set; }
    public string Theme { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>The name the person chose to sign with; null when anonymous.</summary>
    public string? SignedName { get; set; }
    public int? ForumId { get; set; }
    public int? ParticipantId { get; set; }
    public bool FromPaper { get; set; }
    public TestimonyStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The forum's title, or "paper": shown as who brought it.</summary>
    public string BroughtBy { get; set; } = "";
    public string? ClientMessageId { get; set; }
    public Guid Version { get; set; }

    public KnowledgeKind Knowledge => KnowledgeKind.Experiential;
    int IAudited.AuditTableId => TableId;
}
