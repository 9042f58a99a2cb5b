using Tables.Reports.Pdf;
using UglyToad.PdfPig;

namespace Tables.Reports.Tests;

public sealed class EngineTests
{
    [Fact]
    public void Long_table_repeats_its_header_on_every_page_it_continues_on()
    {
        var outline = new DocumentOutline();
        var pdf = Document.Create((Document d) =>
        {
            d.Outline.Add(1, "Tableau", "table");
            d.Page(page =>
            {
                page.DefaultTextStyle(s => s.FontSize(10));
                page.Header().Text("En-tête du document");
                page.Footer().Text(t => { t.Span("Page "); t.CurrentPageNumber(); t.Span(" sur "); t.TotalPages(); });
                page.Content().Column(col =>
                {
                    col.Spacing(6);
                    col.Item().TableOfContents(d.Outline);
                    col.Item().Section("table").Text("Tableau : « résultats » !").FontSize(16).Bold();
                    col.Item().Table(table =>
                    {
                        table.ColumnsDefinition(c => { c.ConstantColumn(40); c.RelativeColumn(3); c.RelativeColumn(); });
                        table.Header(h =>
                        {
                            h.Cell().Background("#1F4E79").Padding(4).Text("N°").FontColor("#FFFFFF").Bold();
                            h.Cell().Background("#1F4E79").Padding(4).Text("Action").FontColor("#FFFFFF").Bold();
                            h.Cell().Background("#1F4E79").Padding(4).Text("Budget").FontColor("#FFFFFF").Bold();
                        });
                        for (var i = 1; i <= 120; i++)
                        {
                            table.Cell().BorderBottom(0.5f, "#DDDDDD").Padding(4).Text(i.ToString());
                            table.Cell().BorderBottom(0.5f, "#DDDDDD").Padding(4).Text($"Action numéro {i} avec un titre assez long pour passer à la ligne parfois, quand il le faut vraiment");
                            table.Cell().BorderBottom(0.5f, "#DDDDDD").Padding(4).AlignRight().Text(ReportCulture.French.Money(1234.5m * i));
                        }
                    });
                });
            });
        }).WithMetadata(new DocumentMetadata { Title = "Essai", Language = "fr-CA" }).GeneratePdf();
        Artifacts.Save("engine-table.pdf", pdf);

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 4);
        foreach (var page in document.GetPages().Skip(1))
        {
            Assert.Contains("Action", page.Text);
            Assert.Contains($"Page {page.Number} sur {document.NumberOfPages}", page.Text);
        }
    }
}
