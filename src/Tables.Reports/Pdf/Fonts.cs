using System.Collections.Concurrent;
using SkiaSharp;

namespace Tables.Reports.Pdf;

/// <summary>The faces of the report font (Tables Sans, cut down from Source Sans 3: see Fonts/make-fonts.py).</summary>
public enum FontFace
{
    Regular,
    Bold,
    Italic,
}

/// <summary>
/// The report's typefaces, loaded once from the files embedded in this assembly (never looked up by family name:
/// with SkiaSharp's NoDependencies build a name lookup finds nothing and text silently vanishes).
/// </summary>
internal static class ReportFonts
{
    public const string Family = "Tables Sans";

    private static readonly Lazy<SKTypeface[]> Faces = new(() =>
    [
        Load("TablesSans-Regular.ttf"),
        Load("TablesSans-Bold.ttf"),
        Load("TablesSans-Italic.ttf"),
    ]);

    // Advance widths at size 1 per face: with linear metrics and no hinting a width scales exactly with the size,
    // so measuring a word is a sum of cached floats instead of a native call per word.
    private static readonly ConcurrentDictionary<(FontFace, char), float>[] Advances =
        [new(), new(), new()];

    private static readonly float[][] LatinAdvances = [NewTable(), NewTable(), NewTable()];

    public static SKTypeface Typeface(FontFace face) => Faces.Value[(int)face];

    /// <summary>A font set up for PDF text (fractional advances, no hinting): widths measured are widths drawn.</summary>
    public static SKFont CreateFont(FontFace face, float size) => new(Typeface(face), size)
    {
        Subpixel = true,
        LinearMetrics = true,
        Hinting = SKFontHinting.None,
        Edging = SKFontEdging.SubpixelAntialias,
    };

    /// <summary>Width of <paramref name="text"/> at size 1 (multiply by the size).</summary>
    public static float Measure(FontFace face, ReadOnlySpan<char> text)
    {
        var table = LatinAdvances[(int)face];
        var width = 0f;
        foreach (var c in text)
        {
            var w = c < table.Length ? table[c] : float.NaN;
            if (float.IsNaN(w))
            {
                w = Advance(face, c);
                if (c < table.Length)
                {
                    table[c] = w;
                }
            }
            width += w;
        }
        return width;
    }

    private static float Advance(FontFace face, char c) => Advances[(int)face].GetOrAdd((face, c), static key =>
    {
        using var font = CreateFont(key.Item1, 1000);
        return font.MeasureText(key.Item2.ToString()) / 1000f;
    });

    private static float[] NewTable()
    {
        var table = new float[0x2200];
        Array.Fill(table, float.NaN);
        return table;
    }

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream("Tables.Reports.Fonts." + file)
            ?? throw new InvalidOperationException($"The font {file} is not embedded in Tables.Reports.");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"SkiaSharp could not read the font {file}.");
    }
}

/// <summary>Fonts and paints of one document (Skia objects are not shared between threads).</summary>
internal sealed class SkiaCache : IDisposable
{
    private readonly Dictionary<(FontFace, float), SKFont> _fonts = [];
    private readonly Dictionary<uint, SKPaint> _fills = [];

    public SKFont Font(FontFace face, float size)
    {
        if (!_fonts.TryGetValue((face, size), out var font))
        {
            font = ReportFonts.CreateFont(face, size);
            _fonts[(face, size)] = font;
        }
        return font;
    }

    public SKPaint Fill(SKColor color)
    {
        if (!_fills.TryGetValue((uint)color, out var paint))
        {
            paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
            _fills[(uint)color] = paint;
        }
        return paint;
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }
        foreach (var paint in _fills.Values)
        {
            paint.Dispose();
        }
    }
}

/// <summary>Vertical metrics of a face at size 1 (ascent positive upward, descent positive downward).</summary>
internal static class FontMetrics
{
    private static readonly Lazy<(float Ascent, float Descent)[]> Values = new(() =>
        Enum.GetValues<FontFace>().Select(face =>
        {
            using var font = ReportFonts.CreateFont(face, 1000);
            var metrics = font.Metrics;
            return (-metrics.Ascent / 1000f, metrics.Descent / 1000f);
        }).ToArray());

    public static float Ascent(FontFace face) => Values.Value[(int)face].Ascent;

    public static float Descent(FontFace face) => Values.Value[(int)face].Descent;
}
