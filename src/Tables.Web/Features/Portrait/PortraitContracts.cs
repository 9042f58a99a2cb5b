namespace Tables.Web.Features.Portrait;

// What the REST API sends: the portrait by theme, each item with its kind of knowledge, who brought it and its version.

public sealed record IndicatorItem(int Id, string Theme, string Label, decimal Value, string Unit, int Year, string Source,
    string? ComparisonTerritory, decimal? ComparisonValue, string? Note, KnowledgeKind Knowledge, string BroughtBy, Guid Version)
{
    public static IndicatorItem From(PortraitIndicator i) => new(i.Id, i.Theme, i.Label, i.Value, i.Unit, i.Year, i.Source,
        i.ComparisonTerritory, i.ComparisonValue, i.Note, i.Knowledge, i.BroughtBy, i.Version);
}

/// <param name="Html">The Markdown body rendered and sanitised.</param>
public sealed record NarrativeItem(int Id, string Theme, NarrativeSection Section, string Title, string Body, string Html, KnowledgeKind Knowledge,
    string BroughtBy, Guid Version)
{
    public static NarrativeItem From(PortraitNarrative n) => new(n.Id, n.Theme, n.Section, n.Title, n.Body, n.BodyHtml, n.Knowledge, n.BroughtBy, n.Version);
}

public sealed record ResourceItem(int Id, string Theme, string Name, string? Description, string Address, string? Contact, string? Website,
    KnowledgeKind Knowledge, string BroughtBy, Guid Version)
{
    public static ResourceItem From(PortraitResource r) => new(r.Id, r.Theme, r.Name, r.Description, r.Address, r.Contact, r.Website, r.Knowledge,
        r.BroughtBy, r.Version);
}

/// <param name="SignedName">Null when the person stayed anonymous.</param>
public sealed record TestimonyItem(int Id, string Theme, string Text, string? SignedName, TestimonyStatus Status, DateTime CreatedAt, string BroughtBy,
    KnowledgeKind Knowledge, Guid Version)
{
    public static TestimonyItem From(Testimony t) => new(t.Id, t.Theme, t.Text, t.SignedName, t.Status, t.CreatedAt, t.BroughtBy, t.Knowledge, t.Version);
}

/// <param name="Says">One line per item of this kind: an indicator's latest figure, a narrative's title, a testimony's first words.</param>
public sealed record KnowledgeItem(KnowledgeKind Kind, bool IsGap, IReadOnlyList<string> Says);

/// <param name="Gaps">Kinds of knowledge nothing in the theme brings yet.</param>
public sealed record ThemeItem(string Name, bool InTableList, IReadOnlyList<IndicatorItem> Indicators, IReadOnlyList<NarrativeItem> Narratives,
    IReadOnlyList<ResourceItem> Resources, IReadOnlyList<TestimonyItem> Testimonies, IReadOnlyList<KnowledgeItem> Knowledge, IReadOnlyList<KnowledgeKind> Gaps)
{
    public static ThemeItem From(ThemeView t) => new(t.Name, t.InTableList, t.Indicators.Select(IndicatorItem.From).ToList(),
        t.Narratives.Select(NarrativeItem.From).ToList(), t.Resources.Select(ResourceItem.From).ToList(), t.Testimonies.Select(TestimonyItem.From).ToList(),
        t.Knowledge.Select(k => new KnowledgeItem(k.Kind, k.IsGap, k.Says)).ToList(), t.Gaps.ToList());
}

/// <param name="Version">The portrait's version (publication state); null until something was written.</param>
public sealed record PortraitItem(int CycleId, string CycleTitle, bool IsPublic, Guid? Version, IReadOnlyList<ThemeItem> Themes)
{
    public static PortraitItem From(PortraitView v) => new(v.CycleId, v.CycleTitle, v.IsPublic, v.Version, v.Themes.Select(ThemeItem.From).ToList());
}

public sealed record PortraitState(bool IsPublic, Guid Version);

public sealed record CopyResult(int Copied);

/// <summary>What an import did or will do. Lines that change nothing are counted, not listed.</summary>
public sealed record ImportResult(int Added, int Updated, int Unchanged, IReadOnlyList<ImportLine> Lines, IReadOnlyList<CsvError> Errors, string Basis)
{
    public static ImportResult From(ImportPreview p) => new(p.Added, p.Updated, p.Unchanged, p.Lines.Where(l => l.Action != ImportAction.Unchanged).ToList(),
        p.Errors, p.Basis);
}
