using Tables.Web.Data.Auditing;

namespace Tables.Web.Features.Tables;

/// <summary>A table de quartier: the tenant every other row belongs to.</summary>
public sealed class Table : IAudited, IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>URL name, unique in the installation (lowercase letters, digits, hyphens).</summary>
    public string Slug { get; set; } = "";
    public string Neighbourhood { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>"fr" or "en": the language of the table's reports and public pages.</summary>
    public string DefaultLanguage { get; set; } = "fr";
    /// <summary>Whether anonymous visitors and observers outside the table may read what it publishes.</summary>
    public bool IsPublic { get; set; }
    /// <summary>The table's own list of domains (thèmes).</summary>
    public List<string> Themes { get; set; } = [];
    public Guid Version { get; set; }

    int IAudited.AuditTableId => Id;

    /// <summary>Themes a new table starts with (DOMAIN.md); the table edits its own list.</summary>
    public static readonly IReadOnlyList<string> DefaultThemes =
    [
        "Habitation", "Aménagement urbain", "Sécurité alimentaire", "Environnement", "Transport et mobilité",
        "Santé", "Réussite éducative", "Emploi", "Sécurité", "Culture et loisirs", "Vie communautaire",
    ];
}
