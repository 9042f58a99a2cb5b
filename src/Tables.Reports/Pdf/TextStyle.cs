using SkiaSharp;

namespace Tables.Reports.Pdf;

/// <summary>How a span of text looks. Colours are "#RRGGBB".</summary>
public sealed record TextStyle
{
    private readonly string _color = "#1F2933";

    public static TextStyle Default { get; } = new();

    public FontFace Face { get; init; } = FontFace.Regular;
    public float Size { get; init; } = 10;

    /// <summary>Line height as a multiple of the size.</summary>
    public float LineHeight { get; init; } = 1.3f;

    public bool Underline { get; init; }

    public string Color
    {
        get => _color;
        init
        {
            _color = value;
            SkColor = Colors.Parse(value);
        }
    }

    internal SKColor SkColor { get; private init; } = Colors.Parse("#1F2933");

    public TextStyle Bold() => this with { Face = FontFace.Bold };
    public TextStyle Italic() => this with { Face = FontFace.Italic };
    public TextStyle FontSize(float size) => this with { Size = size };
    public TextStyle FontColor(string color) => this with { Color = color };
    public TextStyle LineSpacing(float lineHeight) => this with { LineHeight = lineHeight };
}

internal static class Colors
{
    public static SKColor Parse(string hex) =>
        SKColor.TryParse(hex, out var color) ? color : throw new ArgumentException($"'{hex}' is not a colour (#RRGGBB).", nameof(hex));
}
