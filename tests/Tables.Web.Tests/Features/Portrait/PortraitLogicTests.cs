using System.Globalization;
using Tables.Web.Features.Portrait;

namespace Tables.Web.Tests.Features.Portrait;

/// <summary>The portrait's pure parts: the three-way merge, Markdown made safe, themes and their knowledge gaps, figures.</summary>
public sealed class PortraitLogicTests
{
    private static readonly IndicatorEdit Base = new()
    {
        Theme = "Habitation", Label = "Loyer médian", Value = 900, Unit = "$", Year = 2021, Source = "Recensement", Knowledge = KnowledgeKind.Academic,
        BroughtBy = "Comité logement", Version = Guid.NewGuid(),
    };

    [Fact]
    public void A_merge_takes_their_change_where_i_left_the_field_alone_and_mine_where_i_changed_it()
    {
        var mine = Base with { Value = 965, Note = "Hausse" };
        var theirs = Base with { Source = "Recensement 2021", Version = Guid.NewGuid() };

        var fields = PortraitMerge.Fields(Base, mine, theirs);
        var merged = PortraitMerge.Merge(Base, mine, theirs, new Dictionary<string, MergeChoice>());

        Assert.DoesNotContain(fields, f => f.IsConflict);
        Assert.Equal(MergeChoice.Theirs, fields.Single(f => f.Name == nameof(IndicatorEdit.Source)).Suggested);
        Assert.Equal((965m, "Hausse", "Recensement 2021"), (merged.Value, merged.Note, merged.Source));
        Assert.Equal(theirs.Version, merged.Version);
    }

    [Fact]
    public void A_field_both_changed_is_a_conflict_and_the_persons_choice_wins()
    {
        var mine = Base with { Value = 965 };
        var theirs = Base with { Value = 970, Version = Guid.NewGuid() };

        var value = PortraitMerge.Fields(Base, mine, theirs).Single(f => f.Name == nameof(IndicatorEdit.Value));
        Assert.True(value.IsConflict);
        Assert.Equal(MergeChoice.Mine, value.Suggested);
        Assert.Equal(970m, PortraitMerge.Merge(Base, mine, theirs, new Dictionary<string, MergeChoice> { ["Value"] = MergeChoice.Theirs }).Value);
    }

    [Fact]
    public void Two_texts_can_be_combined_into_one_written_by_the_person()
    {
        var start = new NarrativeEdit { Theme = "Habitation", Section = NarrativeSection.Needs, Body = "Début.", Knowledge = KnowledgeKind.Field, BroughtBy = "A" };
        var mine = start with { Body = "Début. Ma phrase." };
        var theirs = start with { Body = "Début. Leur phrase.", Version = Guid.NewGuid() };

        var merged = PortraitMerge.Merge(start, mine, theirs, new Dictionary<string, MergeChoice> { ["Body"] = MergeChoice.Combined },
            new Dictionary<string, string> { ["Body"] = "Début. Leur phrase. Ma phrase." });

        Assert.Equal("Début. Leur phrase. Ma phrase.", merged.Body);
        Assert.Equal(theirs.Version, merged.Version);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>Texte")]
    [InlineData("[lien](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"https://x.org\" onclick=\"x()\">a</a>")]
    [InlineData("![image](https://x.org/i.png)")]
    [InlineData("<iframe src=\"https://x.org\"></iframe>")]
    [InlineData("[a](vbscript:x) [b](data:text/html,<b>x</b>) <style>p{}</style>")]
    public void Markdown_is_rendered_without_anything_that_could_run_or_track(string markdown)
    {
        var html = new PortraitMarkdown().ToSafeHtml(markdown);

        // Raw HTML may remain as visible text; what matters is the elements and attributes a browser would make of it.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        var elements = document.Body!.QuerySelectorAll("*");
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "img" or "iframe" or "style" or "object" or "embed");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name is "src" or "style");
        Assert.All(document.Body.QuerySelectorAll("a[href]"), a => Assert.Matches("^(https?|mailto):", a.GetAttribute("href")!));
    }

    [Fact]
    public void Markdown_keeps_text_lists_and_links_and_moves_headings_below_the_page_s_own()
    {
        var html = new PortraitMarkdown().ToSafeHtml("# Titre\n\nDu **gras**, de l'*italique* :\n\n- un\n- deux\n\n[site](https://example.org)");

        Assert.Contains("<h4>Titre</h4>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>gras</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>deux</li>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_theme_shows_what_each_kind_of_knowledge_says_and_which_kinds_it_lacks()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-CA");
        var indicators = new[]
        {
            new PortraitIndicator { Theme = "Transport et mobilité", Label = "Ménages sans voiture", Value = 48.2m, Unit = "%", Year = 2016, Knowledge = KnowledgeKind.Academic },
            new PortraitIndicator { Theme = "Transport et mobilité", Label = "Ménages sans voiture", Value = 51m, Unit = "%", Year = 2021, Knowledge = KnowledgeKind.Academic },
        };
        var narratives = new[] { new PortraitNarrative { Theme = "Transport et mobilité", Title = "Desserte en autobus", Knowledge = KnowledgeKind.Political } };
        var testimonies = new[]
        {
            new Testimony { Theme = "Habitation", Text = "Je cherche un logement", Status = TestimonyStatus.Accepted },
            new Testimony { Theme = "Transport et mobilité", Text = "En attente", Status = TestimonyStatus.Pending },
        };

        var themes = PortraitViews.Themes(["Habitation", "Transport et mobilité"], indicators, narratives, [], testimonies);

        var transport = themes.Single(t => t.Name == "Transport et mobilité");
        Assert.Equal([KnowledgeKind.Field, KnowledgeKind.Experiential], transport.Gaps);
        // One line for the series, its latest year.
        Assert.Equal(["Ménages sans voiture\u00A0: 51\u00A0% (2021)"], transport.Knowledge.Single(k => k.Kind == KnowledgeKind.Academic).Says);
        Assert.Equal(["Desserte en autobus"], transport.Knowledge.Single(k => k.Kind == KnowledgeKind.Political).Says);
        var housing = themes.Single(t => t.Name == "Habitation");
        Assert.DoesNotContain(KnowledgeKind.Experiential, housing.Gaps);
        Assert.Equal(["Habitation", "Transport et mobilité"], themes.Select(t => t.Name));
    }

    [Fact]
    public void Items_of_a_theme_the_table_removed_stay_visible_after_the_tables_themes()
    {
        var themes = PortraitViews.Themes(["Habitation"], [new PortraitIndicator { Theme = "Sport", Label = "Terrains", Year = 2024 }], [], [], []);

        Assert.Equal(["Habitation", "Sport"], themes.Select(t => t.Name));
        Assert.False(themes[1].InTableList);
        Assert.True(themes[0].IsEmpty);
    }

    [Theory]
    [InlineData("fr-CA", 1234.5, "%", "1\u00A0234,5\u00A0%")]
    [InlineData("fr-CA", 965, "$", "965\u00A0$")]
    [InlineData("fr-CA", 12, "ménages", "12\u00A0ménages")]
    [InlineData("en-CA", 1234.5, "%", "1,234.5%")]
    [InlineData("en-CA", 965, "$", "$965")]
    public void Figures_follow_the_persons_language(string culture, double value, string unit, string expected)
    {
        var shown = PortraitViews.Figure((decimal)value, unit, new CultureInfo(culture));
        Assert.Equal(expected, shown.Replace('\u202F', '\u00A0'));
    }

    [Theory]
    [InlineData("Habitation", "Loyer médian", "habitation", "  loyer   MÉDIAN ")]
    [InlineData("Santé", "Espérance de vie", "Santé", "Espe\u0301rance de vie")]
    public void An_indicator_is_the_same_whatever_its_case_spaces_or_unicode_form(string theme, string label, string otherTheme, string otherLabel) =>
        Assert.Equal(PortraitService.IndicatorKey(theme, label, 2021), PortraitService.IndicatorKey(otherTheme, otherLabel, 2021));
}
