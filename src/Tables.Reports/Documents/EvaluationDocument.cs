using Tables.Reports.Models;
using Tables.Reports.Pdf;

namespace Tables.Reports.Documents;

/// <summary>« Évaluation »: what the cycle achieved against its plan, with the figures computed from the data.</summary>
public static class EvaluationDocument
{
    public static byte[] Generate(EvaluationReport evaluation) => Compose(evaluation).GeneratePdf();

    public static Document Compose(EvaluationReport report)
    {
        var culture = ReportCulture.For(report.Language);
        var actions = report.Priorities.SelectMany(p => p.Actions).ToList();
        return Document.Create((Document document) =>
        {
            var layout = new ReportLayout(culture, document.Outline);
            var title = layout.T("Eval.Title");
            layout.Cover(document, report.Table, title, report.Cycle.Title,
            [
                report.Table.Neighbourhood,
                culture.DateRange(report.Cycle.Start, report.Cycle.End),
                layout.T("Eval.CoverFigures", actions.Count, actions.Count(a => a.Status == ActionStatus.Done)),
                layout.T("Common.Produced", culture.Date(report.Produced)),
            ]);
            layout.Body(document, $"{report.Table.Name} · {title} — {report.Cycle.Title}", col =>
            {
                layout.TableOfContents(col);
                layout.Chapter(col, layout.T("Eval.Summary"));
                layout.KeyFigures(col,
                [
                    (culture.Number(actions.Count(a => a.Outcome == Outcome.Achieved)), layout.T("Outcome.Achieved")),
                    (culture.Number(actions.Count(a => a.Outcome == Outcome.Partly)), layout.T("Outcome.Partly")),
                    (culture.Number(actions.Count(a => a.Outcome == Outcome.NotAchieved)), layout.T("Outcome.NotAchieved")),
                    (culture.Money(actions.Sum(a => a.Budget)), layout.T("Plan.Budget")),
                ]);
                foreach (var paragraph in report.Summary)
                {
                    layout.Paragraph(col, paragraph);
                }
                Participation(layout, col, report);
                Chain(layout, col, report.Chain);
                Results(layout, col, report);
                Mix(layout, col, actions);
                Words(layout, col, report);
            });
        }).WithMetadata(new ReportLayout(culture, new DocumentOutline()).Metadata(
            culture.Text("Eval.Title") + " — " + report.Cycle.Title, report.Table, report.Produced));
    }

    private static void Participation(ReportLayout layout, ColumnDescriptor col, EvaluationReport report)
    {
        var c = layout.C;
        var p = report.Participation;
        layout.Chapter(col, layout.T("Eval.Participation"));
        layout.Paragraph(col, layout.T("Eval.ParticipationIntro"));
        layout.KeyFigures(col,
        [
            (c.Number(p.ForumsHeld), layout.T("Eval.Forums")),
            (c.Number(p.Participants), layout.T("Eval.Participants")),
            (c.Number(p.Ideas), layout.T("Eval.Ideas")),
            (c.Number(p.BallotsCast), layout.T("Eval.BallotsCast")),
        ]);
        layout.Subheading(col, layout.T("Eval.Groups"));
        Bars(layout, col.Item(), p.Groups, p.Participants, Palette.Primary);
        layout.Subheading(col, layout.T("Eval.Sectors"));
        Bars(layout, col.Item(), p.OrganisationsBySector, p.OrganisationsBySector.Sum(s => s.Count), Palette.Ecological);
        layout.Paragraph(col, layout.T("Eval.Partners", p.PartnersPostingProgress, p.ProgressEntries));
    }

    private static void Bars(ReportLayout layout, IContainer container, IReadOnlyList<GroupCount> counts, long total, string color) =>
        ReportCharts.HorizontalBars(container, counts.Select(g => new ChartBar(g.Group, g.Count,
            $"{layout.C.Number(g.Count)} ({layout.C.Percent(total == 0 ? 0 : (decimal)g.Count / total)})", color)).ToList());

    private static void Chain(ReportLayout layout, ColumnDescriptor col, IdeaChain chain)
    {
        var c = layout.C;
        layout.Chapter(col, layout.T("Eval.Chain"), newPage: false);
        layout.Paragraph(col, layout.T("Eval.ChainIntro"));
        (string Key, long Value, string Color)[] steps =
        [
            ("Eval.ChainIdeas", chain.Ideas, Palette.Primary), ("Eval.ChainOptions", chain.BallotOptions, Palette.Primary),
            ("Eval.ChainPriorities", chain.Priorities, Palette.Both), ("Eval.ChainActions", chain.Actions, Palette.Social),
            ("Eval.ChainDone", chain.ActionsDone, Palette.Ecological),
        ];
        ReportCharts.HorizontalBars(col.Item(), steps.Select(s => new ChartBar(layout.T(s.Key), s.Value, c.Number(s.Value), s.Color)).ToList());
    }

    private static void Results(ReportLayout layout, ColumnDescriptor col, EvaluationReport report)
    {
        var c = layout.C;
        layout.Chapter(col, layout.T("Eval.Results"));
        for (var i = 0; i < report.Priorities.Count; i++)
        {
            var priority = report.Priorities[i];
            if (i > 0)
            {
                col.Item().PageBreak();
            }
            layout.Heading(col, $"{i + 1}. {priority.Title}");
            layout.DataTable(col,
            [
                new(layout.T("Plan.Action"), 3), new(layout.T("Plan.Lead"), 1.6f), new(layout.T("Plan.Status"), 1.1f),
                new(layout.T("Eval.Outcome"), 1.3f), new(layout.T("Eval.Comment"), 3.2f),
            ], priority.Actions.Select(a => (IReadOnlyList<Action<IContainer>>)
            [
                ReportLayout.Cell(a.Title, bold: true),
                ReportLayout.Cell(a.Lead),
                ReportLayout.Cell(layout.Status(a.Status), color: ReportLayout.StatusColor(a.Status)),
                ReportLayout.Cell(layout.T("Outcome." + a.Outcome), bold: true, color: OutcomeColor(a.Outcome)),
                ReportLayout.Cell(a.Comment, color: Palette.Muted),
            ]));
            var indicators = priority.Actions.SelectMany(a => a.Indicators).ToList();
            if (indicators.Count == 0)
            {
                continue;
            }
            layout.Subheading(col, layout.T("Eval.Indicators"));
            ReportCharts.HorizontalBars(col.Item(), indicators.Select(x => new ChartBar(x.Name, (double)Math.Max(0, x.Attainment),
                c.Percent(x.Attainment), x.Attainment >= 1 ? Palette.Ecological : x.Attainment >= 0.5m ? Palette.Primary : Palette.Social)).ToList(), 1.1);
            layout.Note(col, layout.T("Eval.IndicatorsNote"));
            layout.Bullets(col, indicators.Select(x => layout.T("Eval.IndicatorDetail", x.Name,
                Value(c, x.Baseline, x.Unit), Value(c, x.Target, x.Unit), Value(c, x.Actual, x.Unit))));
            var tracked = indicators.Where(x => x.Values.Count >= 3).Take(1);
            foreach (var indicator in tracked)
            {
                col.Item().KeepWithNext().Text(indicator.Name).Bold().FontSize(9.5f);
                ReportCharts.Line(col.Item(), indicator.Values.Select(v => (v.Date, (double)v.Value)).ToList(), (double)indicator.Target,
                    (double)indicator.Baseline, layout.T("Eval.Target") + " " + Value(c, indicator.Target, indicator.Unit), v => c.Number((decimal)v));
            }
        }
    }

    private static void Mix(ReportLayout layout, ColumnDescriptor col, List<EvaluatedAction> actions)
    {
        layout.Chapter(col, layout.T("Eval.Mix"));
        layout.Paragraph(col, layout.T("Eval.MixIntro"));
        var tags = Enum.GetValues<TransitionTag>().Where(t => t != TransitionTag.None).ToList();
        ReportCharts.StackedBars(col.Item(), tags.Select(layout.Tag).ToList(),
        [
            new ChartSeries(layout.T("Eval.MixDone"), Palette.Ecological, tags.Select(t => (double)actions.Count(a => a.Tag == t && a.Status == ActionStatus.Done)).ToList()),
            new ChartSeries(layout.T("Eval.MixPlanned"), "#B8C4CE", tags.Select(t => (double)actions.Count(a => a.Tag == t && a.Status != ActionStatus.Done)).ToList()),
        ], v => layout.C.Number((decimal)v));
    }

    private static void Words(ReportLayout layout, ColumnDescriptor col, EvaluationReport report)
    {
        layout.Chapter(col, layout.T("Eval.LeversObstacles"));
        layout.Subheading(col, layout.T("Eval.Levers"));
        layout.Bullets(col, report.Levers, "+");
        layout.Subheading(col, layout.T("Eval.Obstacles"));
        layout.Bullets(col, report.Obstacles, "−");
        if (report.Testimonies.Count > 0)
        {
            layout.Subheading(col, layout.T("Eval.Testimonies"));
            foreach (var testimony in report.Testimonies)
            {
                layout.Callout(col, Palette.Accent).Text(t =>
                {
                    t.Line("« " + testimony.Quote + " »").Italic().LineHeight(1.4f);
                    t.Span("— " + testimony.Who).FontSize(8.5f).FontColor(Palette.Muted);
                });
            }
        }
        layout.Chapter(col, layout.T("Eval.Recommendations"), newPage: false);
        layout.Bullets(col, report.Recommendations.Select((r, i) => $"{i + 1}. {r}"), "→");
    }

    private static string Value(ReportCulture c, decimal value, string unit) =>
        unit == "%" ? c.Percent(value / 100) : unit == "$" ? c.Money(value) : $"{c.Number(value, value == decimal.Truncate(value) ? 0 : 1)} {unit}".TrimEnd();

    private static string OutcomeColor(Outcome outcome) => outcome switch
    {
        Outcome.Achieved => Palette.Ecological,
        Outcome.Partly => Palette.Social,
        _ => "#BA2525",
    };
}
