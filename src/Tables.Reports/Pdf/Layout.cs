using SkiaSharp;

namespace Tables.Reports.Pdf;

/// <summary>
/// A piece of content that can be laid out in a box and, when it does not fit, split: the engine's one idea.
/// <see cref="Layout"/> places as much as fits in <paramref name="width"/> × <paramref name="height"/> and returns what
/// was placed (a <see cref="Drawable"/>) and what is left for the next page. Blocks are immutable, so a layout
/// attempt that is thrown away (keep-with-next, a table row that must move) costs nothing but the time.
/// </summary>
internal abstract class Block
{
    /// <param name="top">Nothing is above this block on the page: it must place something, even if it does not fit
    /// (otherwise a block taller than a page would move from page to page forever).</param>
    public abstract Fit Layout(LayoutContext context, float width, float height, bool top);

    /// <summary>The width the block needs when not stretched (auto row items, alignment); at most <paramref name="max"/>.</summary>
    public virtual float NaturalWidth(LayoutContext context, float max) => max;
}

/// <summary>The result of a layout: what was placed and how tall it is, and what remains (null when all fitted).</summary>
internal readonly record struct Fit(Drawable? Placed, float Height, Block? Rest)
{
    public bool Wraps => Placed is null;

    /// <summary>Nothing fits: the whole block moves to the next page.</summary>
    public static Fit Wrap(Block block) => new(null, 0, block);

    public static Fit All(Drawable placed, float height) => new(placed, height, null);
}

/// <summary>Layout-time state: fonts, the page being filled, and the page count once known (headers and footers).</summary>
internal sealed class LayoutContext(SkiaCache skia, ReportCulture culture)
{
    public SkiaCache Skia { get; } = skia;
    public ReportCulture Culture { get; } = culture;
    public int PageNumber { get; set; } = 1;
    public int TotalPages { get; set; }
}

/// <summary>Paint-time state: the canvas, and the page of every section (known only once all pages are laid out).</summary>
internal sealed class PaintContext(SKCanvas canvas, SkiaCache skia, IReadOnlyDictionary<string, int> sectionPages)
{
    public SKCanvas Canvas { get; } = canvas;
    public SkiaCache Skia { get; } = skia;
    public IReadOnlyDictionary<string, int> SectionPages { get; } = sectionPages;
}

/// <summary>Something placed on a page, painted in the box its parent gives it (a cell gets the full row height).</summary>
internal abstract class Drawable
{
    public abstract void Paint(PaintContext context, SKRect box);

    /// <summary>Sections (named destinations) placed in this drawable, with the page they land on.</summary>
    public virtual void CollectSections(int page, Dictionary<string, int> into)
    {
    }
}

internal sealed class EmptyDrawable : Drawable
{
    public static readonly EmptyDrawable Instance = new();

    public override void Paint(PaintContext context, SKRect box)
    {
    }
}

/// <summary>Children placed at offsets from the box's top-left corner, each with its own size.</summary>
internal sealed class StackDrawable(IReadOnlyList<(Drawable Child, SKRect Box)> children) : Drawable
{
    public IReadOnlyList<(Drawable Child, SKRect Box)> Children { get; } = children;

    public override void Paint(PaintContext context, SKRect box)
    {
        foreach (var (child, rect) in Children)
        {
            var placed = rect;
            placed.Offset(box.Left, box.Top);
            child.Paint(context, placed);
        }
    }

    public override void CollectSections(int page, Dictionary<string, int> into)
    {
        foreach (var (child, _) in Children)
        {
            child.CollectSections(page, into);
        }
    }
}

/// <summary>An empty block: nothing to place.</summary>
internal sealed class EmptyBlock : Block
{
    public static readonly EmptyBlock Instance = new();

    public override Fit Layout(LayoutContext context, float width, float height, bool top) =>
        Fit.All(EmptyDrawable.Instance, 0);

    public override float NaturalWidth(LayoutContext context, float max) => 0;
}

/// <summary>Ends the page; at the top of a page it does nothing (no blank pages).</summary>
internal sealed class PageBreakBlock : Block
{
    public static readonly PageBreakBlock Instance = new();

    public override Fit Layout(LayoutContext context, float width, float height, bool top) =>
        top ? Fit.All(EmptyDrawable.Instance, 0) : new Fit(EmptyDrawable.Instance, 0, this);
}

/// <summary>A block holding one child (the wrappers: padding, alignment, size, links, sections…).</summary>
internal abstract class WrapperBlock : Block
{
    public Block Child { get; set; } = EmptyBlock.Instance;

    public override float NaturalWidth(LayoutContext context, float max) => Child.NaturalWidth(context, max);

    /// <summary>A copy of this wrapper around another child (the rest of a split child keeps its wrappers).</summary>
    public WrapperBlock With(Block child)
    {
        var copy = (WrapperBlock)MemberwiseClone();
        copy.Child = child;
        return copy;
    }
}
