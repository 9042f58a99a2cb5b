using System.Text;
using Tables.Reports.Documents;
using Tables.Reports.Tests.Samples;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Tables.Reports.Tests;

public sealed class DocumentTests
{
    public static TheoryData<string> Documents => ["plan", "plan-en", "evaluation", "protocol"];

    private static byte[] Pdf(string name) => name switch
    {
        "plan" => Pdfs.Plan,
        "plan-en" => Pdfs.PlanEnglish,
        "evaluation" => Pdfs.Evaluation,
        _ => Pdfs.Protocol,
    };

    [Fact]
    public void Sample_plan_has_at_least_twenty_pages_and_stays_under_200_KB()
    {
        using var document = PdfDocument.Open(Pdfs.Plan);
        Assert.InRange(document.NumberOfPages, 20, 40);
        Assert.True(Pdfs.Plan.Length <= 200 * 1024, $"{Pdfs.Plan.Length / 1024} KB");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_page_after_the_cover_is_numbered_out_of_the_total(string name)
    {
        var pages = Pdfs.Pages(Pdf(name));
        var word = name.EndsWith("-en", StringComparison.Ordinal) ? "of" : "sur";
        for (var i = 1; i < pages.Length; i++)
        {
            Assert.Contains(Pdfs.Squeeze($"Page {i + 1} {word} {pages.Length}"), Pdfs.Squeeze(pages[i]));
        }
        Assert.DoesNotContain("Page 1 ", pages[0]);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Table_of_contents_and_bookmarks_point_to_the_pages_where_the_headings_are(string name)
    {
        using var document = PdfDocument.Open(Pdf(name));
        Assert.True(document.TryGetBookmarks(out var bookmarks), "bookmarks");
        var nodes = bookmarks.GetNodes().OfType<DocumentBookmarkNode>().ToList();
        Assert.True(nodes.Count >= 5, $"{nodes.Count} bookmarks");
        var contents = Pdfs.Squeeze(document.GetPage(2).Text);
        foreach (var node in nodes)
        {
            var title = Pdfs.Squeeze(node.Title);
            Assert.Contains(title, Pdfs.Squeeze(document.GetPage(node.PageNumber).Text));
            // On the contents page: the title, then its page number (a title can appear several times).
            Assert.Contains(title + node.PageNumber, contents);
        }
    }

    [Fact]
    public void Pdf_declares_title_author_and_language()
    {
        using var document = PdfDocument.Open(Pdfs.Plan);
        Assert.Equal("Plan d'action — Plan de quartier 2025-2028", document.Information.Title);
        Assert.Equal(SampleBallots.Table.Name, document.Information.Author);
        Assert.Contains("/Lang <FEFF00660072002D00430041>", Encoding.Latin1.GetString(Pdfs.Plan), StringComparison.Ordinal);
        Assert.Contains("/Lang <FEFF0065006E002D00430041>", Encoding.Latin1.GetString(Pdfs.PlanEnglish), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Fonts_are_the_shipped_font_embedded(string name)
    {
        using var document = PdfDocument.Open(Pdf(name));
        var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct().ToList();
        Assert.All(fonts, f => Assert.EndsWith("TablesSans-" + f.Split('-')[^1], f, StringComparison.Ordinal));
        var raw = Encoding.Latin1.GetString(Pdf(name));
        var descriptors = raw.Split("/Type /FontDescriptor").Length - 1;
        Assert.True(descriptors >= 2);
        Assert.Equal(descriptors, raw.Split("/FontFile2").Length - 1);
    }

    [Fact]
    public void Plan_text_holds_the_key_figures_and_french_typography()
    {
        var text = string.Join("\n", Pdfs.Pages(Pdfs.Plan));
        Assert.Contains("2\u00A0750\u00A0000\u00A0$", text);
        Assert.Contains("Thème\u00A0: Habitation", text);
        Assert.Contains("«\u202FLes Jeunes Pousses\u202F»", text);
        Assert.Contains("Sécurité alimentaire", text);
        Assert.Contains("Réalisée", text);
        Assert.Contains("88\u00A0%", text);
        Assert.Contains("du 13\u00A0janvier\u00A02025 au 15\u00A0décembre\u00A02028", text);
        Assert.Contains("Quelles priorités pour le plan 2025-2028\u202F?", text);
    }

    [Fact]
    public void English_plan_uses_english_labels_and_formats()
    {
        var text = string.Join("\n", Pdfs.Pages(Pdfs.PlanEnglish));
        Assert.Contains("Action plan", text);
        Assert.Contains("$2,750,000", text);
        Assert.Contains("January 13, 2025 to December 15, 2028", text);
        Assert.DoesNotContain("Sommaire", text);
    }

    [Fact]
    public void Evaluation_shows_outcomes_participation_and_the_idea_chain()
    {
        var text = string.Join("\n", Pdfs.Pages(Pdfs.Evaluation));
        Assert.Contains("Partiellement atteint", text);
        Assert.Contains("Ce que sont devenues les idées", text);
        Assert.Contains("412", text);
        Assert.Contains("Idées proposées", text);
        Assert.Contains("Recommandations", text);
        Assert.Contains("Transition socio-écologique", text);
    }

    [Fact]
    public void Protocol_shows_each_ballot_with_method_participation_counts_and_seed()
    {
        var text = string.Join("\n", Pdfs.Pages(Pdfs.Protocol));
        Assert.Contains("Approbation plafonnée", text);
        Assert.Contains("Jugement majoritaire", text);
        Assert.Contains("Condorcet–Schulze", text);
        Assert.Contains("Tour 2", text);
        Assert.Contains("Cartes d'accueil", text);
        Assert.Contains("23 sur papier", text);
        Assert.Contains("graine publiée\u00A0: 7305518842", text);
        Assert.Contains("Ordre du jour", text);
    }

    [Fact]
    public void A_secret_ballot_never_prints_choices_by_group()
    {
        var named = SampleBallots.InstantRunoff(secret: false) with { ChoicesByGroup = [new("Institution", 8, new Dictionary<string, decimal> { ["A"] = 9173 })] };
        var secret = named with { Secret = true };
        string Text(Models.BallotReport ballot) => string.Join("\n", Pdfs.Pages(ProtocolDocument.Generate(SampleProtocol.Create() with { Ballots = [ballot] })));

        Assert.Contains("9173", Text(named).Replace("\u00A0", ""));
        var secretText = Text(secret).Replace("\u00A0", "");
        Assert.DoesNotContain("9173", secretText);
        Assert.Contains("Scrutin secret", secretText);
        Assert.Contains("Institution", secretText);
    }
}
