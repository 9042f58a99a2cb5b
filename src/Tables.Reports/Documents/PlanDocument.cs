using Tables.Reports.Models;
using Tables.Reports.Pdf;

namespace Tables.Reports.Documents;

/// <summary>« Plan d'action »: the cycle's plan, as a table sends it to its funders and residents.</summary>
public static class PlanDocument
{
    public static byte[] Generate(PlanReport plan) => Compose(plan).GeneratePdf();

    public static Document Compose(PlanReport plan)
    {
        var culture = ReportCulture.For(plan.Language);
        return Document.Create((Document document) =>
        {
            var layout = new ReportLayout(culture, document.Outline);
            var title = layout.T("Plan.Title");
            var actions = plan.Priorities.SelectMany(p => p.Actions).ToList();
            layout.Cover(document, plan.Table, title, plan.Cycle.Title,
            [
                plan.Table.Neighbourhood,
                culture.DateRange(plan.Cycle.Start, plan.Cycle.End),
                layout.T("Plan.CoverFigures", plan.Priorities.Count, actions.Count, culture.Money(actions.Sum(a => a.Budget))),
                layout.T("Common.Produced", culture.Date(plan.Produced)),
            ]);
            layout.Body(document, $"{plan.Table.Name} · {title} — {plan.Cycle.Title}", col =>
            {
                layout.TableOfContents(col);
                Summary(layout, col, plan, actions);
                Portrait(layout, col, plan);
                Prioritization(layout, col, plan);
                for (var i = 0; i < plan.Priorities.Count; i++)
                {
                    Priority(layout, col, plan.Priorities[i], i + 1);
                }
                Budget(layout, col, plan, actions);
                Timeline(layout, col, plan);
                Appendix(layout, col, plan);
            });
        }).WithMetadata(new ReportLayout(culture, new DocumentOutline()).Metadata(
            culture.Text("Plan.Title") + " — " + plan.Cycle.Title, plan.Table, plan.Produced));
    }

    private static void Summary(ReportLayout layout, ColumnDescriptor col, PlanReport plan, List<PlanAction> actions)
    {
        var c = layout.C;
        layout.Chapter(col, layout.T("Plan.Summary"));
        layout.KeyFigures(col,
        [
            (c.Number(plan.Priorities.Count), layout.T("Plan.Priorities")),
            (c.Number(actions.Count), layout.T("Plan.Actions")),
            (c.Money(actions.Sum(a => a.Budget)), layout.T("Plan.Budget")),
            (c.Number(plan.Prioritization.Participants), layout.T("Plan.Participants")),
        ]);
        foreach (var paragraph in plan.Summary)
        {
            layout.Paragraph(col, paragraph);
        }
        layout.Subheading(col, layout.T("Plan.PrioritiesList"));
        layout.Bullets(col, plan.Priorities.Select((p, i) => $"{i + 1}. {p.Title} — {layout.T("Plan.ActionsCount", p.Actions.Count)}, {c.Money(p.Actions.Sum(a => a.Budget))}"));
        var tags = Enum.GetValues<TransitionTag>().Where(t => t != TransitionTag.None)
            .Select(t => (Tag: t, Count: actions.Count(a => a.Tag == t))).ToList();
        layout.Subheading(col, layout.T("Plan.Mix"));
        ReportCharts.HorizontalBars(col.Item(), tags.Select(t => new ChartBar(layout.Tag(t.Tag), t.Count,
            $"{c.Number(t.Count)} ({c.Percent(actions.Count == 0 ? 0 : (decimal)t.Count / actions.Count)})", ReportLayout.TagColor(t.Tag))).ToList());
    }

    private static void Portrait(ReportLayout layout, ColumnDescriptor col, PlanReport plan)
    {
        if (plan.Highlights.Count == 0)
        {
            return;
        }
        layout.Chapter(col, layout.T("Plan.Portrait"));
        layout.Paragraph(col, layout.T("Plan.PortraitIntro", plan.Table.Neighbourhood));
        foreach (var theme in plan.Highlights.GroupBy(h => h.Theme))
        {
            layout.Subheading(col, theme.Key);
            layout.DataTable(col, [new(layout.T("Plan.Indicator"), 3), new(layout.T("Plan.Value"), 1.3f, Right: true), new(layout.T("Plan.Comparison"), 1.5f, Right: true), new(layout.T("Plan.Source"), 2)],
                theme.Select(h => (IReadOnlyList<Action<IContainer>>)
                [
                    ReportLayout.Cell(h.Label),
                    ReportLayout.Cell(h.Value, right: true, bold: true),
                    ReportLayout.Cell(h.Comparison ?? "—", right: true, color: Palette.Muted),
                    ReportLayout.Cell(h.Source, color: Palette.Muted),
                ]));
        }
    }

    private static void Prioritization(ReportLayout layout, ColumnDescriptor col, PlanReport plan)
    {
        var c = layout.C;
        var p = plan.Prioritization;
        layout.Chapter(col, layout.T("Plan.HowChosen"));
        layout.KeyFigures(col,
        [
            (c.Number(p.Forums), layout.T("Plan.Forums")),
            (c.Number(p.Participants), layout.T("Plan.Participants")),
            (c.Number(p.Ideas), layout.T("Plan.Ideas")),
            (c.Number(p.Ballots.Sum(b => b.Result.Ballots)), layout.T("Plan.BallotsCast")),
        ]);
        foreach (var paragraph in p.Method)
        {
            layout.Paragraph(col, paragraph);
        }
        if (p.Ballots.Count > 0)
        {
            var ballot = p.Ballots[0];
            layout.Subheading(col, ballot.Question);
            layout.Paragraph(col, layout.T("Plan.VoteSummary", layout.T("Method." + Voting.VotingMethods.Token(ballot.Method)),
                ballot.Result.Ballots, layout.T("Participation." + ballot.Participation)));
            new BallotSection(layout).ResultChart(col.Item(), ballot);
            col.Item().Text(t =>
            {
                t.DefaultStyle(s => s.FontSize(9).FontColor(Palette.Muted));
                t.Span(layout.T("Plan.SeeAppendix") + " ");
                t.SectionLink(layout.T("Plan.Appendix"), "appendix").FontColor(Palette.Primary).Underline();
            });
        }
    }

    private static void Priority(ReportLayout layout, ColumnDescriptor col, PlanPriority priority, int number)
    {
        var c = layout.C;
        layout.Chapter(col, $"{number}. {priority.Title}");
        if (priority.Theme is not null)
        {
            col.Item().Text(layout.T("Plan.Theme") + " : " + priority.Theme).FontColor(Palette.Accent).Bold().FontSize(9.5f);
        }
        if (priority.Description.Length > 0)
        {
            layout.Paragraph(col, priority.Description);
        }
        layout.KeyFigures(col,
        [
            (c.Number(priority.Actions.Count), layout.T("Plan.Actions")),
            (c.Money(priority.Actions.Sum(a => a.Budget)), layout.T("Plan.Budget")),
            (c.Number(priority.Actions.Select(a => a.Lead).Concat(priority.Actions.SelectMany(a => a.Partners)).Distinct().Count()), layout.T("Plan.Organisations")),
        ]);
        if (priority.Objectives.Count > 0)
        {
            layout.Subheading(col, layout.T("Plan.Objectives"));
            layout.Bullets(col, priority.Objectives, "→");
        }
        layout.Subheading(col, layout.T("Plan.ActionsTable"));
        layout.DataTable(col,
        [
            new(layout.T("Plan.Action"), 3.2f), new(layout.T("Plan.Lead"), 1.6f), new(layout.T("Plan.Partners"), 1.8f),
            new(layout.T("Plan.Dates"), 1.5f), new(layout.T("Plan.Budget"), 1.1f, Right: true), new(layout.T("Plan.Status"), 1.1f),
        ], priority.Actions.Select(a => (IReadOnlyList<Action<IContainer>>)
        [
            cell => cell.Text(t =>
            {
                t.Line(a.Title).Bold();
                if (a.Tag != TransitionTag.None)
                {
                    t.Span(layout.Tag(a.Tag)).FontSize(7.5f).FontColor(ReportLayout.TagColor(a.Tag)).Bold();
                }
            }),
            ReportLayout.Cell(a.Lead),
            ReportLayout.Cell(a.Partners.Count == 0 ? "—" : string.Join(", ", a.Partners), color: Palette.Muted),
            ReportLayout.Cell($"{c.Month(a.Start)}\u00A0– {c.Month(a.End)}"),
            ReportLayout.Cell(c.Money(a.Budget), right: true),
            ReportLayout.Cell(layout.Status(a.Status) + (a.Status == ActionStatus.InProgress ? $" ({c.Percent(a.Progress / 100m)})" : ""), bold: true, color: ReportLayout.StatusColor(a.Status)),
        ]));
        layout.Subheading(col, layout.T("Plan.ActionSheets"));
        foreach (var action in priority.Actions)
        {
            ActionSheet(layout, col, action);
        }
    }

    /// <summary>One action's sheet: who, when, with what money, and what it is about; kept on one page.</summary>
    private static void ActionSheet(ReportLayout layout, ColumnDescriptor col, PlanAction action)
    {
        var c = layout.C;
        col.Item().ShowEntire().Background("#F7FAFC", 3).BorderLeft(3, ReportLayout.TagColor(action.Tag)).Padding(10, 7, 10, 8).Column(sheet =>
        {
            sheet.Spacing(3);
            sheet.Item().Row(row =>
            {
                row.RelativeItem().Text(action.Title).Bold().FontSize(10.5f).FontColor(Palette.PrimaryDark);
                row.AutoItem().PaddingLeft(8).Text(layout.Status(action.Status)).Bold().FontSize(8.5f).FontColor(ReportLayout.StatusColor(action.Status));
            });
            sheet.Item().Text(t =>
            {
                t.DefaultStyle(s => s.FontSize(8.5f).FontColor(Palette.Muted));
                t.Span(layout.T("Plan.Lead") + " : ").Bold();
                t.Span(action.Lead);
                if (action.Partners.Count > 0)
                {
                    t.Span(" · " + layout.T("Plan.Partners") + " : ").Bold();
                    t.Span(string.Join(", ", action.Partners));
                }
                t.Span(" · " + layout.T("Plan.Dates") + " : ").Bold();
                t.Span(c.DateRange(action.Start, action.End));
                if (action.Tag != TransitionTag.None)
                {
                    t.Span(" · " + layout.Tag(action.Tag)).Bold().FontColor(ReportLayout.TagColor(action.Tag));
                }
            });
            if (action.Description.Length > 0)
            {
                sheet.Item().Text(action.Description).FontSize(9).LineHeight(1.35f);
            }
            if (action.Funding.Count > 0)
            {
                sheet.Item().Text(t =>
                {
                    t.DefaultStyle(s => s.FontSize(8.5f));
                    t.Span(layout.T("Plan.Funding") + " : ").Bold();
                    t.Span(string.Join(" ; ", action.Funding.Select(f =>
                        $"{f.Funder} {c.Money(f.Amount)} ({layout.T("Funding." + f.Status).ToLower(c.Culture)})")));
                });
            }
        });
    }

    private static void Budget(ReportLayout layout, ColumnDescriptor col, PlanReport plan, List<PlanAction> actions)
    {
        var c = layout.C;
        layout.Chapter(col, layout.T("Plan.BudgetByFunder"));
        var funders = actions.SelectMany(a => a.Funding).GroupBy(f => f.Funder)
            .Select(g => (Funder: g.Key, Granted: g.Where(f => f.Status == FundingStatus.Granted).Sum(f => f.Amount),
                Requested: g.Where(f => f.Status == FundingStatus.Requested).Sum(f => f.Amount)))
            .OrderByDescending(f => f.Granted + f.Requested).ToList();
        var total = funders.Sum(f => f.Granted + f.Requested);
        layout.Paragraph(col, layout.T("Plan.BudgetIntro", c.Money(total), funders.Count, c.Money(funders.Sum(f => f.Granted))));
        ReportCharts.StackedBars(col.Item(), funders.Select(f => f.Funder).ToList(),
        [
            new ChartSeries(layout.T("Funding.Granted"), Palette.Primary, funders.Select(f => (double)f.Granted).ToList()),
            new ChartSeries(layout.T("Funding.Requested"), "#9CC3D5", funders.Select(f => (double)f.Requested).ToList()),
        ], v => c.Money((decimal)v));
        layout.DataTable(col, [new(layout.T("Plan.Funder"), 3), new(layout.T("Funding.Granted"), 1.3f, Right: true), new(layout.T("Funding.Requested"), 1.3f, Right: true), new(layout.T("Plan.Total"), 1.3f, Right: true), new(layout.T("Plan.Share"), 1, Right: true)],
            funders.Select(f => (IReadOnlyList<Action<IContainer>>)
            [
                ReportLayout.Cell(f.Funder),
                ReportLayout.Cell(c.Money(f.Granted), right: true),
                ReportLayout.Cell(c.Money(f.Requested), right: true),
                ReportLayout.Cell(c.Money(f.Granted + f.Requested), right: true, bold: true),
                ReportLayout.Cell(c.Percent(total == 0 ? 0 : (f.Granted + f.Requested) / total), right: true),
            ]).Append(
            [
                ReportLayout.Cell(layout.T("Plan.Total"), bold: true), ReportLayout.Cell(c.Money(funders.Sum(f => f.Granted)), right: true, bold: true),
                ReportLayout.Cell(c.Money(funders.Sum(f => f.Requested)), right: true, bold: true), ReportLayout.Cell(c.Money(total), right: true, bold: true),
                ReportLayout.Cell(c.Percent(1), right: true, bold: true),
            ]));
        layout.Subheading(col, layout.T("Plan.BudgetByPriority"));
        var top = funders.Take(5).Select(f => f.Funder).ToList();
        var series = top.Select((f, i) => new ChartSeries(f, Palette.Series[i % Palette.Series.Length],
            plan.Priorities.Select(p => (double)p.Actions.SelectMany(a => a.Funding).Where(x => x.Funder == f).Sum(x => x.Amount)).ToList())).ToList();
        if (funders.Count > top.Count)
        {
            series.Add(new ChartSeries(layout.T("Common.Others"), "#C8D1DA", plan.Priorities.Select(p =>
                (double)p.Actions.SelectMany(a => a.Funding).Where(x => !top.Contains(x.Funder)).Sum(x => x.Amount)).ToList()));
        }
        ReportCharts.StackedBars(col.Item(), plan.Priorities.Select((p, i) => $"{i + 1}. {p.Title}").ToList(), series, v => c.Money((decimal)v));
    }

    private static void Timeline(ReportLayout layout, ColumnDescriptor col, PlanReport plan)
    {
        layout.Chapter(col, layout.T("Plan.Timeline"));
        layout.Paragraph(col, layout.T("Plan.TimelineIntro"));
        var spans = plan.Priorities.SelectMany((p, i) => p.Actions.Select(a =>
            new ChartSpan($"{i + 1}. {a.Title}", a.Start, a.End, Palette.Series[i % Palette.Series.Length]))).ToList();
        ReportCharts.Timeline(col.Item(), spans, plan.Priorities.Select((p, i) => ($"{i + 1}. {Short(p.Title)}", Palette.Series[i % Palette.Series.Length])).ToList());
    }

    private static void Appendix(ReportLayout layout, ColumnDescriptor col, PlanReport plan)
    {
        col.Item().PageBreak();
        col.Item().Section("appendix").Text("");
        layout.Chapter(col, layout.T("Plan.Appendix"), newPage: false);
        layout.Paragraph(col, layout.T("Plan.AppendixIntro"));
        var ballots = new BallotSection(layout);
        foreach (var ballot in plan.Prioritization.Ballots)
        {
            ballots.Compose(col, ballot);
        }
    }

    private static string Short(string text) => text.Length <= 28 ? text : text[..27].TrimEnd() + "…";
}
