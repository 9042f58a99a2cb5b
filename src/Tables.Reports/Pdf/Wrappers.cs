using SkiaSharp;

namespace Tables.Reports.Pdf;

/// <summary>Padding, background and borders around a child; a split child keeps them on each page.</summary>
internal sealed class DecorationBlock : WrapperBlock
{
    public SKRect Padding { get; set; }
    public SKColor? Background { get; set; }
    public SKColor BorderColor { get; set; } = SKColors.Black;
    /// <summary>Border thickness per side (left, top, right, bottom).</summary>
    public SKRect Border { get; set; }
    public float CornerRadius { get; set; }

    public override Fit Layout(LayoutContext context, float width, float height, bool top)
    {
        var horizontal = Padding.Left + Padding.Right;
        var vertical = Padding.Top + Padding.Bottom;
        var fit = Child.Layout(context, Math.Max(0, width - horizontal), Math.Max(0, height - vertical), top);
        if (fit.Wraps)
        {
            return Fit.Wrap(this);
        }
        var drawable = new DecorationDrawable(this, fit.Placed!);
        return new Fit(drawable, fit.Height + vertical, fit.Rest is null ? null : With(fit.Rest));
    }

    public override float NaturalWidth(LayoutContext context, float max) =>
        Child.NaturalWidth(context, max - Padding.Left - Padding.Right) + Padding.Left + Padding.Right;

    private sealed class DecorationDrawable(DecorationBlock block, Drawable child) : Drawable
    {
        public override void Paint(PaintContext context, SKRect box)
        {
            var canvas = context.Canvas;
            if (block.Background is { } background)
            {
                var paint = context.Skia.Fill(background);
                if (block.CornerRadius > 0)
                {
                    canvas.DrawRoundRect(box, block.CornerRadius, block.CornerRadius, paint);
                }
                else
                {
                    canvas.DrawRect(box, paint);
                }
            }
            var border = block.Border;
            if (border != SKRect.Empty)
            {
                var paint = context.Skia.Fill(block.BorderColor);
                if (border.Left > 0) canvas.DrawRect(box.Left, box.Top, border.Left, box.Height, paint);
                if (border.Right > 0) canvas.DrawRect(box.Right - border.Right, box.Top, border.Right, box.Height, paint);
                if (border.Top > 0) canvas.DrawRect(box.Left, box.Top, box.Width, border.Top, paint);
                if (border.Bottom > 0) canvas.DrawRect(box.Left, box.Bottom - border.Bottom, box.Width, border.Bottom, paint);
            }
            var padding = block.Padding;
            child.Paint(context, new SKRect(box.Left + padding.Left, box.Top + padding.Top,
                box.Right - padding.Right, box.Bottom - padding.Bottom));
        }

        public override void CollectSections(int page, Dictionary<string, int> into) => child.CollectSections(page, into);
    }
}

public enum HorizontalAlignment
{
    Left,
    Center,
    Right,
}

public enum VerticalAlignment
{
    Top,
    Middle,
    Bottom,
}

/// <summary>Places a child at its natural width, left, centred or right; and top, middle or bottom in a taller box.</summary>
internal sealed class AlignBlock : WrapperBlock
{
    public HorizontalAlignment? Horizontal { get; set; }
    public VerticalAlignment? Vertical { get; set; }

    public override Fit Layout(LayoutContext context, float width, float height, bool top)
    {
        var childWidth = Horizontal is null ? width : Math.Min(width, Child.NaturalWidth(context, width));
        var fit = Child.Layout(context, childWidth, height, top);
        if (fit.Wraps)
        {
            return Fit.Wrap(this);
        }
        return new Fit(new AlignDrawable(this, fit.Placed!, childWidth, fit.Height), fit.Height,
            fit.Rest is null ? null : With(fit.Rest));
    }

    private sealed class AlignDrawable(AlignBlock block, Drawable child, float width, float height) : Drawable
    {
        public override void Paint(PaintContext context, SKRect box)
        {
            var x = block.Horizontal switch
            {
                HorizontalAlignment.Center => box.Left + (box.Width - width) / 2,
                HorizontalAlignment.Right => box.Right - width,
                _ => box.Left,
            };
            var y = block.Vertical switch
            {
                VerticalAlignment.Middle => box.Top + (box.Height - height) / 2,
                VerticalAlignment.Bottom => box.Bottom - height,
                _ => box.Top,
            };
            var w = block.Horizontal is null ? box.Width : width;
            var h = block.Vertical is null ? box.Height : height;
            child.Paint(context, SKRect.Create(x, y, w, h));
        }

        public override void CollectSections(int page, Dictionary<string, int> into) => child.CollectSections(page, into);
    }
}

/// <summary>Fixed width, fixed or minimum height. A fixed height is never split.</summary>
internal sealed class SizeBlock : WrapperBlock
{
    public float? Width { get; set; }
    public float? Height { get; set; }
    public float? MinHeight { get; set; }

    public override Fit Layout(LayoutContext context, float width, float height, bool top)
    {
        var w = Width is { } fixedWidth ? Math.Min(fixedWidth, width) : width;
        if (Height is { } fixedHeight)
        {
            if (fixedHeight > height && !top)
            {
                return Fit.Wrap(this);
            }
            var inner = Child.Layout(context, w, fixedHeight, true);
            return Fit.All(Narrow(inner.Placed ?? EmptyDrawable.Instance, w), fixedHeight);
        }
        var fit = Child.Layout(context, w, height, top);
        if (fit.Wraps)
        {
            return Fit.Wrap(this);
        }
        var used = fit.Rest is null && MinHeight is { } min ? Math.Max(min, fit.Height) : fit.Height;
        if (used > height && !top)
        {
            return Fit.Wrap(this);
        }
        return new Fit(Narrow(fit.Placed!, w), used, fit.Rest is null ? null : With(fit.Rest));
    }

    private Drawable Narrow(Drawable child, float width) => Width is null ? child : new NarrowDrawable(child, width);

    /// <summary>Paints a fixed-width child in its own width, not the parent's (its background stops there).</summary>
    private sealed class NarrowDrawable(Drawable child, float width) : Drawable
    {
        public override void Paint(PaintContext context, SKRect box) =>
            child.Paint(context, new SKRect(box.Left, box.Top, Math.Min(box.Right, box.Left + width), box.Bottom));

        public override void CollectSections(int page, Dictionary<string, int> into) => child.CollectSections(page, into);
    }

    public override float NaturalWidth(LayoutContext context, float max) =>
        Width is { } fixedWidth ? Math.Min(fixedWidth, max) : Child.NaturalWidth(context, max);
}

/// <summary>A named destination (for links and the table of contents) at the top of its child's first part.</summary>
internal sealed class SectionBlock : WrapperBlock
{
    public required string Name { get; init; }

    public override Fit Layout(LayoutContext context, float width, float height, bool top)
    {
        var fit = Child.Layout(context, width, height, top);
        return fit.Wraps ? Fit.Wrap(this) : new Fit(new SectionDrawable(Name, fit.Placed!), fit.Height, fit.Rest);
    }

    private sealed class SectionDrawable(string name, Drawable child) : Drawable
    {
        public override void Paint(PaintContext context, SKRect box)
        {
            context.Canvas.DrawNamedDestinationAnnotation(new SKPoint(box.Left, box.Top), name);
            child.Paint(context, box);
        }

        public override void CollectSections(int page, Dictionary<string, int> into)
        {
            into.TryAdd(name, page);
            child.CollectSections(page, into);
        }
    }
}

/// <summary>Makes its child a link: to a web address or to a section of the document.</summary>
internal sealed class LinkBlock : WrapperBlock
{
    public string? Url { get; init; }
    public string? Section { get; init; }

    public override Fit Layout(LayoutContext context, float width, float height, bool top)
    {
        var fit = Child.Layout(context, width, height, top);
        return fit.Wraps ? Fit.Wrap(this) : new Fit(new LinkDrawable(this, fit.Placed!, fit.Height), fit.Height,
            fit.Rest is null ? null : With(fit.Rest));
    }

    private sealed class LinkDrawable(LinkBlock block, Drawable child, float height) : Drawable
    {
        public override void Paint(PaintContext context, SKRect box)
        {
            child.Paint(context, box);
            var area = SKRect.Create(box.Left, box.Top, box.Width, height);
            Links.Draw(context.Canvas, area, block.Url, block.Section);
        }

        public override void CollectSections(int page, Dictionary<string, int> into) => child.CollectSections(page, into);
    }
}

internal static class Links
{
    public static void Draw(SKCanvas canvas, SKRect area, string? url, string? section)
    {
        if (url is not null)
        {
            canvas.DrawUrlAnnotation(area, url).Dispose();
        }
        else if (section is not null)
        {
            canvas.DrawLinkDestinationAnnotation(area, section).Dispose();
        }
    }
}

/// <summary>Keeps its child in one piece: it moves to the next page whole rather than split (unless it is taller than a page).</summary>
internal sealed class ShowEntireBlock : WrapperBlock
{
    public override Fit Layout(LayoutContext context, float width, float height, bool top)
    {
        var fit = Child.Layout(context, width, height, top);
        return fit.Rest is not null && !top ? Fit.Wrap(this) : fit;
    }
}

/// <summary>Starts its child on the next page unless at least <see cref="MinHeight"/> is left on this one.</summary>
internal sealed class EnsureSpaceBlock : WrapperBlock
{
    public float MinHeight { get; init; }

    public override Fit Layout(LayoutContext context, float width, float height, bool top) =>
        height < MinHeight && !top ? Fit.Wrap(this) : Child.Layout(context, width, height, top);
}

/// <summary>A heading that must not end a page: the column moves it when the next item cannot start below it.</summary>
internal sealed class KeepWithNextBlock : WrapperBlock
{
    public override Fit Layout(LayoutContext context, float width, float height, bool top)
    {
        var fit = Child.Layout(context, width, height, top);
        return fit.Rest is null || fit.Wraps ? fit : fit with { Rest = With(fit.Rest) };
    }
}
