using Tables.Reports.Documents;
using Tables.Reports.Pdf;

namespace Tables.Reports.Tests;

public sealed class ScratchTests
{
    [Fact]
    public void Charts()
    {
        void One(string name, Action<IContainer> chart) =>
            Artifacts.Save($"chart-{name}.pdf", Document.Create((IDocumentContainer d) => d.Page(p => p.Content().Column(c => chart(c.Item())))).GeneratePdf());
        One("hbars", c => ReportCharts.HorizontalBars(c, [new ChartBar("Un", 3, "3"), new ChartBar("Deux", 5, "5")]));
        One("stacked", c => ReportCharts.StackedBars(c, ["Un", "Deux"], [new ChartSeries("A", "#FF0000", [1, 2]), new ChartSeries("B", "#00FF00", [2, 1])], v => v.ToString()));
        One("timeline", c => ReportCharts.Timeline(c, [new ChartSpan("Un", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 1), "#FF0000")], [("A", "#FF0000")]));
        One("line", c => ReportCharts.Line(c, [(new DateOnly(2026, 1, 1), 3), (new DateOnly(2026, 6, 1), 5)], 8, 2, "Cible", v => v.ToString()));
    }
}
