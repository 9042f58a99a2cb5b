using ScottPlot;
using ScottPlot.TickGenerators;
using Tables.Reports.Pdf;

namespace Tables.Reports.Documents;

/// <summary>One bar of a chart: its label, value, the text printed at its end, and an optional colour.</summary>
internal sealed record ChartBar(string Label, double Value, string ValueLabel, string? Color = null);

/// <summary>A series of a stacked or line chart.</summary>
internal sealed record ChartSeries(string Name, string Color, IReadOnlyList<double> Values);

/// <summary>A row of a timeline.</summary>
internal sealed record ChartSpan(string Label, DateOnly Start, DateOnly End, string Color);

/// <summary>
/// The report's charts, built with ScottPlot in one house style: the report's font (no second font embedded), the
/// report's colours, no frame, light grid, labels on the bars. Sizes are in points; ScottPlot works in pixels (96 dpi).
/// </summary>
internal static class ReportCharts
{
    private const float RowHeight = 20;

    /// <summary>Horizontal bars, first row on top; the chart's height follows the number of bars.</summary>
    public static void HorizontalBars(IContainer container, IReadOnlyList<ChartBar> bars, double? max = null)
    {
        var plot = NewPlot();
        var items = bars.Select((bar, i) => new Bar
        {
            Position = bars.Count - 1 - i,
            Value = bar.Value,
            FillColor = Color.FromHex(bar.Color ?? Palette.Primary),
            LineWidth = 0,
            Label = bar.ValueLabel,
            Size = 0.62,
            Orientation = Orientation.Horizontal,
        }).ToList();
        var plottable = plot.Add.Bars(items);
        plottable.Horizontal = true;
        StyleValueLabels(plottable);
        plot.Axes.Left.TickGenerator = new NumericManual(
            bars.Select((_, i) => (double)(bars.Count - 1 - i)).ToArray(), bars.Select(b => Shorten(b.Label, 46)).ToArray());
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = _ => "" };
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        var top = max ?? Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        plot.Axes.SetLimits(0, top * 1.18, -0.6, bars.Count - 0.4);
        plot.Grid.IsVisible = false;
        container.Chart(plot, 16 + RowHeight * Math.Max(1, bars.Count));
    }

    /// <summary>Horizontal bars stacked by series (budget by funder, merit profiles, social/ecological mix), legend below.</summary>
    public static void StackedBars(IContainer container, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series,
        Func<double, string> format, bool percent = false)
    {
        var plot = NewPlot();
        var bars = new List<Bar>();
        for (var c = 0; c < categories.Count; c++)
        {
            var start = 0d;
            foreach (var s in series)
            {
                var value = s.Values[c];
                if (value > 0)
                {
                    bars.Add(new Bar
                    {
                        Position = categories.Count - 1 - c,
                        ValueBase = start,
                        Value = start + value,
                        FillColor = Color.FromHex(s.Color),
                        LineWidth = 0.75f,
                        LineColor = ScottPlot.Colors.White,
                        Size = 0.62,
                        Orientation = Orientation.Horizontal,
                    });
                    start += value;
                }
            }
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plot.Axes.Left.TickGenerator = new NumericManual(
            categories.Select((_, i) => (double)(categories.Count - 1 - i)).ToArray(), categories.Select(l => Shorten(l, 40)).ToArray());
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = format, TargetTickCount = 5 };
        var total = Enumerable.Range(0, categories.Count).Select(c => series.Sum(s => s.Values[c])).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimits(0, percent ? 1 : total * 1.05, -0.6, categories.Count - 0.4);
        WithLegend(container, plot, 24 + RowHeight * Math.Max(1, categories.Count), series.Select(x => (x.Name, x.Color)));
    }

    /// <summary>A timeline (Gantt): one bar per row from its start to its end, dates along the bottom.</summary>
    public static void Timeline(IContainer container, IReadOnlyList<ChartSpan> spans, IReadOnlyList<(string Name, string Color)> legend)
    {
        var plot = NewPlot();
        var bars = spans.Select((span, i) => new Bar
        {
            Position = spans.Count - 1 - i,
            ValueBase = span.Start.ToDateTime(TimeOnly.MinValue).ToOADate(),
            Value = span.End.ToDateTime(TimeOnly.MinValue).ToOADate(),
            FillColor = Color.FromHex(span.Color),
            LineWidth = 0,
            Size = 0.6,
            Orientation = Orientation.Horizontal,
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Left.TickGenerator = new NumericManual(
            spans.Select((_, i) => (double)(spans.Count - 1 - i)).ToArray(), spans.Select(s => Shorten(s.Label, 38)).ToArray());
        var first = spans.Min(s => s.Start).ToDateTime(TimeOnly.MinValue).ToOADate();
        var last = spans.Max(s => s.End).ToDateTime(TimeOnly.MinValue).ToOADate();
        plot.Axes.SetLimits(first - 15, last + 15, -0.6, spans.Count - 0.4);
        StyleAxes(plot);
        WithLegend(container, plot, 30 + 16 * Math.Max(1, spans.Count), legend);
    }

    /// <summary>Values over time against a target (dashed line).</summary>
    public static void Line(IContainer container, IReadOnlyList<(DateOnly Date, double Value)> points, double target, double baseline,
        string targetLabel, Func<double, string> format)
    {
        var plot = NewPlot();
        var xs = points.Select(p => p.Date.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        var line = plot.Add.ScatterLine(xs, points.Select(p => p.Value).ToArray(), Color.FromHex(Palette.Primary));
        line.LineWidth = 2;
        line.MarkerSize = 6;
        line.MarkerShape = MarkerShape.FilledCircle;
        var goal = plot.Add.HorizontalLine(target, 1.5f, Color.FromHex(Palette.Accent), LinePattern.Dashed);
        goal.LabelText = targetLabel;
        goal.LabelFontName = ReportFonts.Family;
        goal.LabelFontSize = 11;
        goal.LabelBackgroundColor = Color.FromHex(Palette.Accent);
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = format, TargetTickCount = 4 };
        var low = Math.Min(baseline, Math.Min(target, points.Min(p => p.Value)));
        var high = Math.Max(target, points.Max(p => p.Value));
        var pad = Math.Max(1, (high - low) * 0.15);
        plot.Axes.SetLimits(xs.Min() - 20, xs.Max() + 20, Math.Max(0, low - pad), high + pad);
        StyleAxes(plot);
        container.Chart(plot, 130);
    }

    private static Plot NewPlot()
    {
        // Before any style names the font: ScottPlot resolves a typeface when its name is set.
        ReportFontResolver.Install();
        var plot = new Plot();
        plot.Font.Set(ReportFonts.Family);
        plot.FigureBackground.Color = ScottPlot.Colors.Transparent;
        plot.DataBackground.Color = ScottPlot.Colors.Transparent;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.FrameLineStyle.Width = 0;
        }
        plot.Grid.MajorLineColor = Color.FromHex(Palette.Rule).WithAlpha(160);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0.75f;
        plot.Grid.YAxisStyle.IsVisible = false;
        foreach (var axis in new[] { plot.Axes.Left, (ScottPlot.IAxis)plot.Axes.Bottom })
        {
            axis.TickLabelStyle.FontSize = 12;
            axis.TickLabelStyle.ForeColor = Color.FromHex(Palette.Text);
            axis.TickLabelStyle.FontName = ReportFonts.Family;
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
        }
        plot.Legend.IsVisible = false;
        return plot;
    }

    private static void StyleAxes(Plot plot)
    {
        foreach (var axis in new[] { plot.Axes.Left, (ScottPlot.IAxis)plot.Axes.Bottom })
        {
            axis.TickLabelStyle.FontName = ReportFonts.Family;
            axis.TickLabelStyle.FontSize = 11;
            axis.TickLabelStyle.ForeColor = Color.FromHex(Palette.Text);
        }
    }

    private static void StyleValueLabels(ScottPlot.Plottables.BarPlot bars)
    {
        bars.ValueLabelStyle.FontName = ReportFonts.Family;
        bars.ValueLabelStyle.FontSize = 12;
        bars.ValueLabelStyle.Bold = true;
        bars.ValueLabelStyle.ForeColor = Color.FromHex(Palette.Text);
    }

    /// <summary>The chart, then its legend as text (wraps like text, searchable, in the report's style).</summary>
    private static void WithLegend(IContainer container, Plot plot, float height, IEnumerable<(string Name, string Color)> legend) =>
        container.Column(col =>
        {
            col.Spacing(2);
            col.Item().Chart(plot, height);
            col.Item().PaddingLeft(6).Text(t =>
            {
                t.DefaultStyle(s => s.FontSize(8.5f).FontColor(Palette.Muted));
                foreach (var (name, color) in legend)
                {
                    t.Span("■\u00A0").FontColor(color).FontSize(10);
                    t.Span(name.Replace(' ', '\u00A0') + "   ");
                }
            });
        });

    private static string Shorten(string label, int max) => label.Length <= max ? label : label[..(max - 1)].TrimEnd() + "…";
}
