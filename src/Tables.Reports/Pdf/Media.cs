using ScottPlot;
using SkiaSharp;

namespace Tables.Reports.Pdf;

/// <summary>A raster image (PNG or JPEG), scaled to the width given or to its size at 96 dpi; never split.</summary>
internal sealed class ImageBlock(SKImage image, float? width) : Block
{
    public SKImage Image { get; } = image;

    public override Fit Layout(LayoutContext context, float width1, float height, bool top)
    {
        var w = NaturalWidth(context, width1);
        var h = w * Image.Height / Image.Width;
        if (h > height && !top)
        {
            return Fit.Wrap(this);
        }
        return Fit.All(new ImageDrawable(Image, w, h), h);
    }

    public override float NaturalWidth(LayoutContext context, float max) => Math.Min(width ?? Image.Width * 0.75f, max);

    private sealed class ImageDrawable(SKImage image, float width, float height) : Drawable
    {
        public override void Paint(PaintContext context, SKRect box) =>
            context.Canvas.DrawImage(image, SKRect.Create(box.Left, box.Top, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
    }
}

/// <summary>
/// A ScottPlot chart drawn as vectors straight into the page (96 px = 72 pt), with the report's own typefaces
/// (<see cref="ReportFontResolver"/>) so no second copy of a font is embedded. Never split.
/// </summary>
internal sealed class ChartBlock(Plot plot, float height) : Block
{
    public Plot Plot { get; } = plot;
    public float Height { get; } = height;

    public override Fit Layout(LayoutContext context, float width, float height1, bool top) =>
        Height > height1 && !top ? Fit.Wrap(this) : Fit.All(new ChartDrawable(Plot), Height);

    private sealed class ChartDrawable(Plot plot) : Drawable
    {
        private const float PixelsToPoints = 0.75f;

        public override void Paint(PaintContext context, SKRect box)
        {
            var canvas = context.Canvas;
            canvas.Save();
            canvas.Translate(box.Left, box.Top);
            canvas.Scale(PixelsToPoints);
            canvas.ClipRect(SKRect.Create(0, 0, box.Width / PixelsToPoints, box.Height / PixelsToPoints));
            plot.RenderManager.ClearCanvasBeforeEachRender = false;
            var width = (int)(box.Width / PixelsToPoints);
            var height = (int)(box.Height / PixelsToPoints);
            lock (plot.Sync)
            {
                // ScottPlot draws a plot again when its layout changed since the last render (tick labels measured,
                // size changed); without clearing, both would land in the PDF. A first render on a canvas that
                // draws nothing settles the layout, so the page gets exactly one.
                using (var probe = new SKNoDrawCanvas(width, height))
                {
                    plot.Render(probe, width, height);
                }
                plot.Render(canvas, width, height);
            }
            canvas.Restore();
        }
    }
}

/// <summary>Gives ScottPlot the report's typefaces for the family "Tables Sans" (inserted first in ScottPlot's resolvers).</summary>
internal sealed class ReportFontResolver : IFontResolver
{
    private static readonly object Gate = new();
    private static bool _installed;

    public static void Install()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                Fonts.FontResolvers.Insert(0, new ReportFontResolver());
                _installed = true;
            }
        }
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == ReportFonts.Family ? ReportFonts.Typeface(bold ? FontFace.Bold : italic ? FontFace.Italic : FontFace.Regular) : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
}

/// <summary>A horizontal rule.</summary>
internal sealed class RuleBlock(float thickness, SKColor color) : Block
{
    public float Thickness => thickness;
    public SKColor Color => color;

    public override Fit Layout(LayoutContext context, float width, float height, bool top) =>
        thickness > height && !top ? Fit.Wrap(this) : Fit.All(new RuleDrawable(thickness, color), thickness);

    private sealed class RuleDrawable(float thickness, SKColor color) : Drawable
    {
        public override void Paint(PaintContext context, SKRect box) =>
            context.Canvas.DrawRect(box.Left, box.Top, box.Width, thickness, context.Skia.Fill(color));
    }
}

/// <summary>One heading of the document: a table-of-contents line and a PDF bookmark.</summary>
public sealed record OutlineEntry(int Level, string Title, string Section);

/// <summary>
/// The table of contents: each entry's title, dotted leaders and the page its section landed on (known at paint
/// time, when every page is laid out), the whole line a link to the section.
/// </summary>
internal sealed class TocBlock(IReadOnlyList<OutlineEntry> entries, TextStyle style, int first = 0) : Block
{
    public IReadOnlyList<OutlineEntry> Entries => entries;

    private const float NumberWidth = 36;
    private const float Indent = 16;
    private const float EntryGap = 3;

    public override Fit Layout(LayoutContext context, float width, float height, bool top)
    {
        var placed = new List<(Drawable, SKRect)>();
        var y = 0f;
        for (var i = first; i < entries.Count; i++)
        {
            var entry = entries[i];
            var indent = (entry.Level - 1) * Indent;
            var paragraph = new Paragraph();
            paragraph.Spans.Add(new Span { Text = entry.Title, Style = entry.Level == 1 ? style.Bold() : style });
            var text = new TextBlock(paragraph);
            var gap = entry.Level == 1 && i > first ? EntryGap * 2 : EntryGap;
            var fit = text.Layout(context, width - indent - NumberWidth - 12, float.PositiveInfinity, true);
            if (y + gap + fit.Height > height && !(top && placed.Count == 0))
            {
                return placed.Count == 0 ? Fit.Wrap(this) : new Fit(new StackDrawable(placed), y, new TocBlock(entries, style, i));
            }
            y += gap;
            var lines = paragraph.Lines(context, width - indent - NumberWidth - 12);
            placed.Add((new TocLineDrawable(entry, fit.Placed!, lines[^1].Width, indent, style), SKRect.Create(0, y, width, fit.Height)));
            y += fit.Height;
        }
        return Fit.All(new StackDrawable(placed), y);
    }

    private static readonly Lazy<SKPathEffect> Dash = new(() => SKPathEffect.CreateDash([0.8f, 2.6f], 0));

    private sealed class TocLineDrawable(OutlineEntry entry, Drawable title, float lastLineWidth, float indent, TextStyle style) : Drawable
    {
        public override void Paint(PaintContext context, SKRect box)
        {
            var canvas = context.Canvas;
            title.Paint(context, new SKRect(box.Left + indent, box.Top, box.Right - NumberWidth, box.Bottom));
            var font = context.Skia.Font(entry.Level == 1 ? FontFace.Bold : FontFace.Regular, style.Size);
            var paint = context.Skia.Fill(style.SkColor);
            var baseline = box.Bottom - style.Size * (style.LineHeight - 1) / 2 - FontMetrics.Descent(FontFace.Regular) * style.Size;
            if (context.SectionPages.TryGetValue(entry.Section, out var page))
            {
                var number = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var numberWidth = font.MeasureText(number);
                canvas.DrawText(number, box.Right - numberWidth, baseline, font, paint);
                // Leaders: one dashed line (a vector, not text: copying the line gives "title page").
                using var dots = new SKPaint { Color = new SKColor(0x9A, 0xA5, 0xB1), StrokeWidth = 0.8f, IsStroke = true, PathEffect = Dash.Value };
                var start = box.Left + indent + lastLineWidth + 6;
                var end = box.Right - numberWidth - 6;
                if (end > start)
                {
                    canvas.DrawLine(start, baseline - 0.5f, end, baseline - 0.5f, dots);
                }
            }
            Links.Draw(canvas, box, null, entry.Section);
        }
    }
}
