using System.Globalization;
using System.Text;

namespace Tables.Web.Features.Portrait;

/// <summary>A cycle's portrait as a page or the API shows it: the table's themes in its order, then any other theme items still carry.</summary>
public sealed record PortraitView(
    int CycleId,
    string CycleTitle,
    bool IsPublic,
    Guid? Version,
    IReadOnlyList<ThemeView> Themes,
    PreviousPortrait? Previous)
{
    public bool IsEmpty => Themes.All(t => t.IsEmpty);
    public int IndicatorCount => Themes.Sum(t => t.Indicators.Count);
}

/// <summary>The cycle a portrait can be copied from, and whether it has anything to copy.</summary>
public sealed record PreviousPortrait(int CycleId, string Title, int ItemCount);

/// <summary>
/// One theme: its items and what each kind of knowledge says about it. <see cref="InTableList"/> is false for a theme
/// the table removed from its list while items still carry it (they stay visible and editable).
/// </summary>
public sealed record ThemeView(
    string Name,
    bool InTableList,
    IReadOnlyList<PortraitIndicator> Indicators,
    IReadOnlyList<PortraitNarrative> Narratives,
    IReadOnlyList<PortraitResource> Resources,
    IReadOnlyList<Testimony> Testimonies,
    IReadOnlyList<KnowledgeVoice> Knowledge)
{
    public bool IsEmpty => Indicators.Count == 0 && Narratives.Count == 0 && Resources.Count == 0 && Testimonies.Count == 0;
    public IEnumerable<KnowledgeKind> Gaps => Knowledge.Where(k => k.IsGap).Select(k => k.Kind);
    /// <summary>Anchor of the theme's section in the page (letters and digits only).</summary>
    public string Anchor => PortraitViews.Anchor(Name);
}

/// <summary>What one kind of knowledge says about a theme: a line per item (label and figure, title, excerpt).</summary>
public sealed record KnowledgeVoice(KnowledgeKind Kind, IReadOnlyList<string> Says)
{
    public bool IsGap => Says.Count == 0;
}

/// <summary>Builds <see cref="PortraitView"/> from rows (pure: no database), and formats figures for the current culture.</summary>
public static class PortraitViews
{
    public static readonly IReadOnlyList<KnowledgeKind> Kinds = Enum.GetValues<KnowledgeKind>();

    public static IReadOnlyList<ThemeView> Themes(
        IReadOnlyList<string> tableThemes,
        IEnumerable<PortraitIndicator> indicators,
        IEnumerable<PortraitNarrative> narratives,
        IEnumerable<PortraitResource> resources,
        IEnumerable<Testimony> testimonies)
    {
        var byTheme = new Dictionary<string, Bucket>(StringComparer.Ordinal);
        Bucket For(string theme) => byTheme.TryGetValue(theme, out var b) ? b : byTheme[theme] = new Bucket();
        foreach (var t in tableThemes)
        {
            For(t);
        }
        foreach (var i in indicators)
        {
            For(i.Theme).Indicators.Add(i);
        }
        foreach (var n in narratives)
        {
            For(n.Theme).Narratives.Add(n);
        }
        foreach (var r in resources)
        {
            For(r.Theme).Resources.Add(r);
        }
        foreach (var t in testimonies)
        {
            For(t.Theme).Testimonies.Add(t);
        }
        var listed = tableThemes.ToHashSet(StringComparer.Ordinal);
        var order = tableThemes.Concat(byTheme.Keys.Where(k => !listed.Contains(k)).Order(StringComparer.CurrentCulture));
        return order.Select(name =>
        {
            var b = byTheme[name];
            b.Indicators.Sort(IndicatorOrder);
            b.Narratives.Sort((x, y) => x.Section != y.Section ? x.Section.CompareTo(y.Section) : x.Id.CompareTo(y.Id));
            b.Resources.Sort((x, y) => string.Compare(x.Name, y.Name, StringComparison.CurrentCultureIgnoreCase));
            b.Testimonies.Sort((x, y) => x.CreatedAt.CompareTo(y.CreatedAt));
            return new ThemeView(name, listed.Contains(name), b.Indicators, b.Narratives, b.Resources, b.Testimonies, Voices(b));
        }).ToList();
    }

    /// <summary>By label, then year (a series reads in order).</summary>
    private static int IndicatorOrder(PortraitIndicator x, PortraitIndicator y)
    {
        var byLabel = string.Compare(x.Label, y.Label, StringComparison.CurrentCultureIgnoreCase);
        return byLabel != 0 ? byLabel : x.Year.CompareTo(y.Year);
    }

    private static List<KnowledgeVoice> Voices(Bucket b)
    {
        var french = CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr";
        var says = Kinds.ToDictionary(k => k, _ => new List<string>());
        // The latest year of each indicator speaks for the series.
        foreach (var series in b.Indicators.GroupBy(i => i.Label, StringComparer.CurrentCultureIgnoreCase))
        {
            var latest = series.MaxBy(i => i.Year)!;
            says[latest.Knowledge].Add($"{latest.Label}{(french ? "\u00A0: " : ": ")}{Figure(latest.Value, latest.Unit)} ({latest.Year})");
        }
        foreach (var n in b.Narratives)
        {
            says[n.Knowledge].Add(n.Title.Length > 0 ? n.Title : PortraitMarkdown.Excerpt(n.Body, 120));
        }
        foreach (var t in b.Testimonies.Where(t => t.Status == TestimonyStatus.Accepted))
        {
            var excerpt = PortraitMarkdown.Shorten(t.Text, 120);
            says[KnowledgeKind.Experiential].Add(french ? $"«\u00A0{excerpt}\u00A0»" : $"“{excerpt}”");
        }
        foreach (var r in b.Resources)
        {
            says[r.Knowledge].Add(r.Name);
        }
        return Kinds.Select(k => new KnowledgeVoice(k, says[k])).ToList();
    }

    /// <summary>"68 %", "1 234,5 $", "12 ménages" in French; "68%", "$1,234.5", "12 ménages" in English.</summary>
    public static string Figure(decimal value, string? unit, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var number = value.ToString("#,0.######", culture);
        var french = culture.TwoLetterISOLanguageName == "fr";
        return (unit ?? "").Trim() switch
        {
            "" => number,
            "%" => french ? number + "\u00A0%" : number + "%",
            "$" => french ? number + "\u00A0$" : "$" + number,
            var u => number + "\u00A0" + u,
        };
    }

    /// <summary>"theme-habitation": letters and digits of the theme, accents removed, for ids and links.</summary>
    public static string Anchor(string theme)
    {
        var b = new StringBuilder("theme-");
        foreach (var c in theme.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                b.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '\'' or '’')
            {
                if (b[^1] != '-')
                {
                    b.Append('-');
                }
            }
        }
        return b.ToString().TrimEnd('-');
    }

    private sealed class Bucket
    {
        public List<PortraitIndicator> Indicators { get; } = [];
        public List<PortraitNarrative> Narratives { get; } = [];
        public List<PortraitResource> Resources { get; } = [];
        public List<Testimony> Testimonies { get; } = [];
    }
}
