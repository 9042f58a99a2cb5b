using SkiaSharp;

namespace Tables.Reports.Pdf;

/// <summary>Items one below the other, split between pages item by item (an item may split too).</summary>
internal sealed class ColumnBlock(IReadOnlyList<Block> items, float spacing) : Block
{
    public IReadOnlyList<Block> Items { get; } = items;
    public float Spacing { get; } = spacing;

    public override Fit Layout(LayoutContext context, float width, float height, bool top)
    {
        var placed = new List<(Drawable Child, SKRect Box)>(Items.Count);
        var y = 0f;
        var stillTop = top;
        Fit? pending = null;
        for (var i = 0; i < Items.Count; i++)
        {
            var gap = placed.Count > 0 && y > 0 ? Spacing : 0;
            var fit = pending ?? Items[i].Layout(context, width, height - y - gap, stillTop);
            pending = null;
            if (fit.Wraps)
            {
                return placed.Count == 0 ? Fit.Wrap(this) : Partial(placed, y, Items.Skip(i));
            }
            if (fit.Height > 0)
            {
                y += gap;
            }
            if (Items[i] is KeepWithNextBlock && fit.Rest is null && i + 1 < Items.Count && !stillTop)
            {
                // A heading stays with what follows: if nothing of the next item fits below it, both move.
                var after = y + fit.Height;
                var next = Items[i + 1].Layout(context, width, height - after - Spacing, false);
                if (next.Wraps)
                {
                    return placed.Count == 0 ? Fit.Wrap(this) : Partial(placed, y - gap, Items.Skip(i));
                }
                pending = next;
            }
            placed.Add((fit.Placed!, SKRect.Create(0, y, width, fit.Height)));
            y += fit.Height;
            if (fit.Height > 0)
            {
                stillTop = false;
            }
            if (fit.Rest is not null)
            {
                return Partial(placed, y, Items.Skip(i + 1).Prepend(fit.Rest));
            }
        }
        return Fit.All(new StackDrawable(placed), y);
    }

    public override float NaturalWidth(LayoutContext context, float max)
    {
        var width = 0f;
        foreach (var item in Items)
        {
            width = Math.Max(width, item.NaturalWidth(context, max));
        }
        return width;
    }

    private Fit Partial(List<(Drawable, SKRect)> placed, float height, IEnumerable<Block> rest) =>
        new(new StackDrawable(placed), height, new ColumnBlock(rest.ToArray(), Spacing));
}

/// <summary>How a row item gets its width.</summary>
internal enum RowItemKind
{
    Relative,
    Constant,
    Auto,
}

internal sealed record RowItem(RowItemKind Kind, float Size, Block Content);

/// <summary>Items side by side; the row is as tall as its tallest item; items split together.</summary>
internal sealed class RowBlock(IReadOnlyList<RowItem> items, float spacing) : Block
{
    public IReadOnlyList<RowItem> Items { get; } = items;
    public float Spacing { get; } = spacing;

    public override Fit Layout(LayoutContext context, float width, float height, bool top)
    {
        var widths = Widths(context, width);
        var fits = new Fit[Items.Count];
        var rowHeight = 0f;
        var anyRest = false;
        for (var i = 0; i < Items.Count; i++)
        {
            fits[i] = Items[i].Content.Layout(context, widths[i], height, top);
            if (fits[i].Wraps)
            {
                return Fit.Wrap(this);
            }
            rowHeight = Math.Max(rowHeight, fits[i].Height);
            anyRest |= fits[i].Rest is not null;
        }
        var placed = new List<(Drawable, SKRect)>(Items.Count);
        var x = 0f;
        for (var i = 0; i < Items.Count; i++)
        {
            placed.Add((fits[i].Placed!, SKRect.Create(x, 0, widths[i], rowHeight)));
            x += widths[i] + Spacing;
        }
        Block? rest = null;
        if (anyRest)
        {
            rest = new RowBlock(Items.Select((item, i) => item with { Content = fits[i].Rest ?? EmptyBlock.Instance }).ToArray(), Spacing);
        }
        return new Fit(new StackDrawable(placed), rowHeight, rest);
    }

    public override float NaturalWidth(LayoutContext context, float max)
    {
        var total = Spacing * Math.Max(0, Items.Count - 1);
        foreach (var item in Items)
        {
            total += item.Kind == RowItemKind.Constant ? item.Size : item.Content.NaturalWidth(context, max);
        }
        return Math.Min(total, max);
    }

    private float[] Widths(LayoutContext context, float width)
    {
        var widths = new float[Items.Count];
        var free = width - Spacing * Math.Max(0, Items.Count - 1);
        var relative = 0f;
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            switch (item.Kind)
            {
                case RowItemKind.Constant:
                    widths[i] = item.Size;
                    free -= item.Size;
                    break;
                case RowItemKind.Auto:
                    widths[i] = item.Content.NaturalWidth(context, Math.Max(0, free));
                    free -= widths[i];
                    break;
                default:
                    relative += item.Size;
                    break;
            }
        }
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Kind == RowItemKind.Relative)
            {
                widths[i] = relative > 0 ? Math.Max(0, free) * Items[i].Size / relative : 0;
            }
        }
        return widths;
    }
}
