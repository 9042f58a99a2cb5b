using SkiaSharp;

namespace Tables.Reports.Pdf;

internal enum SpanKind
{
    Text,
    PageNumber,
    TotalPages,
}

internal sealed class Span
{
    public required string Text { get; init; }
    public required TextStyle Style { get; set; }
    public SpanKind Kind { get; init; }
    public string? Url { get; set; }
    public string? Section { get; set; }
}

/// <summary>A paragraph of rich text: spans, alignment; its words and lines are computed once per width.</summary>
internal sealed class Paragraph
{
    private Word[]? _words;
    private (float Width, TextLine[] Lines) _lines;

    public List<Span> Spans { get; } = [];
    public HorizontalAlignment Alignment { get; set; }

    /// <summary>Page numbers change from page to page: such a paragraph is never cached.</summary>
    public bool Dynamic => Spans.Exists(s => s.Kind != SpanKind.Text);

    public Word[] Words(LayoutContext context)
    {
        if (_words is not null && !Dynamic)
        {
            return _words;
        }
        var words = LineBreaker.Words(this, context);
        _words = words;
        return words;
    }

    public TextLine[] Lines(LayoutContext context, float width)
    {
        if (!Dynamic && _lines.Lines is not null && _lines.Width == width)
        {
            return _lines.Lines;
        }
        var lines = LineBreaker.Break(this, Words(context), width);
        _lines = (width, lines);
        return lines;
    }
}

/// <summary>A paragraph, from one of its lines on (the rest of a paragraph split between pages).</summary>
internal sealed class TextBlock(Paragraph paragraph, int firstWord = 0, int firstLine = 0, float linesWidth = -1) : Block
{
    public Paragraph Paragraph { get; } = paragraph;

    public override Fit Layout(LayoutContext context, float width, float height, bool top)
    {
        var all = Paragraph.Lines(context, width);
        // Same width as the page before: go on from the line (a cut web address has several lines per word).
        var start = width == linesWidth ? firstLine : 0;
        while (width != linesWidth && start < all.Length && all[start].FirstWord < firstWord)
        {
            start++;
        }
        var count = all.Length - start;
        if (count == 0)
        {
            return Fit.All(EmptyDrawable.Instance, 0);
        }
        var fitting = 0;
        var used = 0f;
        while (fitting < count && used + all[start + fitting].Height <= height + 0.01f)
        {
            used += all[start + fitting].Height;
            fitting++;
        }
        if (fitting < count && count >= 4)
        {
            // No orphan (a lone first line at the foot of a page) and no widow (a lone last line at the top).
            if (fitting == count - 1)
            {
                fitting--;
            }
            if (fitting < 2)
            {
                fitting = 0;
            }
        }
        if (fitting == 0)
        {
            if (!top)
            {
                return Fit.Wrap(this);
            }
            fitting = 1;
        }
        var lines = all.AsMemory(start, fitting);
        var height2 = 0f;
        foreach (var line in lines.Span)
        {
            height2 += line.Height;
        }
        var placed = new TextDrawable(Paragraph, lines);
        return fitting == count
            ? Fit.All(placed, height2)
            : new Fit(placed, height2, new TextBlock(Paragraph, all[start + fitting].FirstWord, start + fitting, width));
    }

    public override float NaturalWidth(LayoutContext context, float max)
    {
        var width = 0f;
        foreach (var line in Paragraph.Lines(context, float.PositiveInfinity))
        {
            width = Math.Max(width, line.Width);
        }
        return Math.Min(MathF.Ceiling(width * 100) / 100, max);
    }
}

internal sealed class TextDrawable(Paragraph paragraph, ReadOnlyMemory<TextLine> lines) : Drawable
{
    public override void Paint(PaintContext context, SKRect box)
    {
        var canvas = context.Canvas;
        var y = box.Top;
        var spans = paragraph.Spans;
        foreach (var line in lines.Span)
        {
            var x = paragraph.Alignment switch
            {
                HorizontalAlignment.Center => box.Left + (box.Width - line.Width) / 2,
                HorizontalAlignment.Right => box.Right - line.Width,
                _ => box.Left,
            };
            var baseline = y + line.Baseline;
            foreach (var run in line.Runs)
            {
                var style = spans[run.Span].Style;
                var paint = context.Skia.Fill(style.SkColor);
                GlyphRuns.Draw(canvas, run.Text, x + run.X, baseline, context.Skia.Font(style.Face, style.Size), style.Face, paint);
                var span = spans[run.Span];
                if (style.Underline)
                {
                    canvas.DrawRect(x + run.X, baseline + style.Size * 0.12f, run.Width, Math.Max(0.5f, style.Size * 0.05f), paint);
                }
                if (span.Url is not null || span.Section is not null)
                {
                    Links.Draw(canvas, SKRect.Create(x + run.X, y, run.Width, line.Height), span.Url, span.Section);
                }
            }
            y += line.Height;
        }
    }
}

/// <summary>A word (no breakable space inside) made of segments of one or more spans.</summary>
internal sealed class Word
{
    public required List<Segment> Segments { get; init; }
    public float Width { get; set; }
    /// <summary>Width of the breakable space before the word (0 at the start of the paragraph or after a line break).</summary>
    public float SpaceBefore { get; init; }
    public int SpaceSpan { get; init; }
    public bool BreakBefore { get; init; }
}

internal readonly record struct Segment(int Span, string Text, float Width);

internal readonly record struct Run(int Span, string Text, float X, float Width);

internal sealed class TextLine
{
    public required Run[] Runs { get; init; }
    public required int FirstWord { get; init; }
    public float Width { get; init; }
    public float Height { get; init; }
    public float Baseline { get; init; }
}

/// <summary>
/// Draws a run as positioned glyphs whose positions are exactly what Skia's PDF writer predicts from the font's
/// advances (size ÷ units-per-em × advance in font units, summed in float from 0). Skia then writes the run as one
/// string; with the positions SkFont computes, tiny float differences made it write one positioning operator per
/// glyph, which tripled the size of the page contents.
/// </summary>
internal static class GlyphRuns
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(FontFace, ushort), float> Units = new();

    public static void Draw(SKCanvas canvas, string text, float x, float baseline, SKFont font, FontFace face, SKPaint paint)
    {
        var glyphs = font.GetGlyphs(text);
        if (glyphs.Length == 0)
        {
            return;
        }
        var typeface = ReportFonts.Typeface(face);
        var scale = font.Size / typeface.UnitsPerEm;
        using var builder = new SKTextBlobBuilder();
        var buffer = builder.AllocateHorizontalRun(font, glyphs.Length, 0);
        var positions = buffer.Positions;
        var advance = 0f;
        for (var i = 0; i < glyphs.Length; i++)
        {
            positions[i] = advance;
            advance += scale * Units.GetOrAdd((face, glyphs[i]), static key => UnitsAdvance(key.Item1, key.Item2));
        }
        glyphs.CopyTo(buffer.Glyphs);
        using var blob = builder.Build();
        canvas.Save();
        canvas.Translate(x, baseline);
        canvas.DrawText(blob, 0, 0, paint);
        canvas.Restore();
    }

    private static float UnitsAdvance(FontFace face, ushort glyph)
    {
        var typeface = ReportFonts.Typeface(face);
        using var font = new SKFont(typeface, typeface.UnitsPerEm) { LinearMetrics = true, Subpixel = true, Hinting = SKFontHinting.None };
        var widths = font.GetGlyphWidths([glyph]);
        return MathF.Round(widths[0]);
    }
}
