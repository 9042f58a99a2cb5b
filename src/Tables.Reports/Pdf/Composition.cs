using SkiaSharp;

namespace Tables.Reports.Pdf;

/// <summary>A slot that receives exactly one element (QuestPDF's IContainer): wrappers return the slot inside them.</summary>
public interface IContainer
{
}

internal sealed class Container(TextStyle style) : IContainer
{
    public Block? Child { get; private set; }
    public TextStyle Style { get; set; } = style;

    public T Set<T>(T block) where T : Block
    {
        if (Child is not null)
        {
            throw new InvalidOperationException("A container holds one element; use a Column to stack several.");
        }
        Child = block;
        return block;
    }

    /// <summary>The element, wrappers resolved (call once composition is finished).</summary>
    public Block Build() => Child switch
    {
        null => EmptyBlock.Instance,
        LazyWrapper lazy => lazy.Built,
        _ => Child,
    };
}

/// <summary>A wrapper's inner slot: what is put in it becomes the wrapper's child.</summary>
internal sealed class WrapperSlot(WrapperBlock wrapper, TextStyle style) : IContainer
{
    public WrapperBlock Wrapper { get; } = wrapper;
    public Container Inner { get; } = new(style);
}

/// <summary>The elements and wrappers, in QuestPDF's shape: <c>container.Padding(4).Background("#EEE").Text("…")</c>.</summary>
public static class ContainerExtensions
{
    public static IContainer Padding(this IContainer container, float all) => container.Padding(all, all, all, all);

    public static IContainer PaddingVertical(this IContainer container, float value) => container.Padding(0, value, 0, value);

    public static IContainer PaddingHorizontal(this IContainer container, float value) => container.Padding(value, 0, value, 0);

    public static IContainer PaddingTop(this IContainer container, float value) => container.Padding(0, value, 0, 0);

    public static IContainer PaddingBottom(this IContainer container, float value) => container.Padding(0, 0, 0, value);

    public static IContainer PaddingLeft(this IContainer container, float value) => container.Padding(value, 0, 0, 0);

    public static IContainer Padding(this IContainer container, float left, float top, float right, float bottom) =>
        container.Decorate(d => d.Padding = new SKRect(d.Padding.Left + left, d.Padding.Top + top, d.Padding.Right + right, d.Padding.Bottom + bottom));

    public static IContainer Background(this IContainer container, string color, float cornerRadius = 0) =>
        container.Decorate(d =>
        {
            d.Background = Colors.Parse(color);
            d.CornerRadius = cornerRadius;
        });

    public static IContainer Border(this IContainer container, float thickness, string color) =>
        container.Border(thickness, thickness, thickness, thickness, color);

    public static IContainer BorderBottom(this IContainer container, float thickness, string color) => container.Border(0, 0, 0, thickness, color);

    public static IContainer BorderTop(this IContainer container, float thickness, string color) => container.Border(0, thickness, 0, 0, color);

    public static IContainer BorderLeft(this IContainer container, float thickness, string color) => container.Border(thickness, 0, 0, 0, color);

    public static IContainer Border(this IContainer container, float left, float top, float right, float bottom, string color) =>
        container.Decorate(d =>
        {
            d.Border = new SKRect(left, top, right, bottom);
            d.BorderColor = Colors.Parse(color);
        });

    public static IContainer AlignLeft(this IContainer container) => container.Wrap(new AlignBlock { Horizontal = HorizontalAlignment.Left });
    public static IContainer AlignCenter(this IContainer container) => container.Wrap(new AlignBlock { Horizontal = HorizontalAlignment.Center });
    public static IContainer AlignRight(this IContainer container) => container.Wrap(new AlignBlock { Horizontal = HorizontalAlignment.Right });
    public static IContainer AlignMiddle(this IContainer container) => container.Wrap(new AlignBlock { Vertical = VerticalAlignment.Middle });
    public static IContainer AlignBottom(this IContainer container) => container.Wrap(new AlignBlock { Vertical = VerticalAlignment.Bottom });

    public static IContainer Width(this IContainer container, float width) => container.Wrap(new SizeBlock { Width = width });
    public static IContainer Height(this IContainer container, float height) => container.Wrap(new SizeBlock { Height = height });
    public static IContainer MinHeight(this IContainer container, float height) => container.Wrap(new SizeBlock { MinHeight = height });

    /// <summary>Moves the element to the next page whole rather than splitting it.</summary>
    public static IContainer ShowEntire(this IContainer container) => container.Wrap(new ShowEntireBlock());

    /// <summary>Starts the element on the next page unless <paramref name="minHeight"/> points are left.</summary>
    public static IContainer EnsureSpace(this IContainer container, float minHeight) => container.Wrap(new EnsureSpaceBlock { MinHeight = minHeight });

    /// <summary>In a column: the element never ends a page (a heading stays with what follows).</summary>
    public static IContainer KeepWithNext(this IContainer container) => container.Wrap(new KeepWithNextBlock());

    /// <summary>A named destination (letters, digits, '-') for <see cref="SectionLink"/> and the table of contents.</summary>
    public static IContainer Section(this IContainer container, string name) => container.Wrap(new SectionBlock { Name = SectionNames.Check(name) });

    public static IContainer SectionLink(this IContainer container, string name) => container.Wrap(new LinkBlock { Section = SectionNames.Check(name) });

    public static IContainer Hyperlink(this IContainer container, string url) => container.Wrap(new LinkBlock { Url = url });

    /// <summary>The text style inherited by the text put inside.</summary>
    public static IContainer DefaultTextStyle(this IContainer container, Func<TextStyle, TextStyle> style)
    {
        var target = Target(container);
        target.Style = style(target.Style);
        return container;
    }

    public static void Column(this IContainer container, Action<ColumnDescriptor> compose)
    {
        var target = Target(container);
        var descriptor = new ColumnDescriptor(target.Style);
        compose(descriptor);
        target.Set(descriptor.Build());
    }

    public static void Row(this IContainer container, Action<RowDescriptor> compose)
    {
        var target = Target(container);
        var descriptor = new RowDescriptor(target.Style);
        compose(descriptor);
        target.Set(descriptor.Build());
    }

    public static void Table(this IContainer container, Action<TableDescriptor> compose)
    {
        var target = Target(container);
        var descriptor = new TableDescriptor(target.Style);
        compose(descriptor);
        target.Set(descriptor.Build());
    }

    public static TextDescriptor Text(this IContainer container, Action<TextDescriptor> compose)
    {
        var target = Target(container);
        var descriptor = new TextDescriptor(target.Style);
        compose(descriptor);
        target.Set(new TextBlock(descriptor.Paragraph));
        return descriptor;
    }

    public static SpanDescriptor Text(this IContainer container, string text)
    {
        SpanDescriptor? span = null;
        container.Text(t => span = t.Span(text));
        return span!;
    }

    /// <summary>A PNG or JPEG image, at <paramref name="width"/> points wide (default: its pixels at 96 dpi).</summary>
    public static void Image(this IContainer container, byte[] encoded, float? width = null)
    {
        var image = SKImage.FromEncodedData(encoded) ?? throw new ArgumentException("The image is neither PNG nor JPEG.", nameof(encoded));
        Target(container).Set(new ImageBlock(image, width));
    }

    /// <summary>A ScottPlot chart drawn as vectors, the full width and <paramref name="height"/> points tall.</summary>
    public static void Chart(this IContainer container, ScottPlot.Plot plot, float height)
    {
        ReportFontResolver.Install();
        Target(container).Set(new ChartBlock(plot, height));
    }

    public static void PageBreak(this IContainer container) => Target(container).Set(PageBreakBlock.Instance);

    public static void LineHorizontal(this IContainer container, float thickness, string color) =>
        Target(container).Set(new RuleBlock(thickness, Colors.Parse(color)));

    /// <summary>The table of contents of <paramref name="outline"/>, with page numbers and links.</summary>
    public static void TableOfContents(this IContainer container, DocumentOutline outline)
    {
        var target = Target(container);
        target.Set(new TocBlock(outline.Entries, target.Style));
    }

    internal static Container Target(IContainer container) => container switch
    {
        Container c => c,
        WrapperSlot slot => slot.Inner,
        _ => throw new ArgumentException("Unknown container.", nameof(container)),
    };

    private static IContainer Wrap(this IContainer container, WrapperBlock wrapper)
    {
        var target = Target(container);
        var slot = new WrapperSlot(wrapper, target.Style);
        target.Set(new LazyWrapper(slot));
        return slot;
    }

    // Consecutive padding/background/border calls fold into one decoration (fewer blocks to lay out).
    private static IContainer Decorate(this IContainer container, Action<DecorationBlock> change)
    {
        if (container is WrapperSlot { Wrapper: DecorationBlock decoration } slot && slot.Inner.Child is null)
        {
            change(decoration);
            return slot;
        }
        var block = new DecorationBlock();
        change(block);
        return container.Wrap(block);
    }
}

/// <summary>A wrapper whose child is read from its slot when layout starts (the slot is filled after the wrapper is made).</summary>
internal sealed class LazyWrapper(WrapperSlot slot) : Block
{
    private Block? _built;

    public Block Built => _built ??= slot.Wrapper.With(slot.Inner.Build());

    public override Fit Layout(LayoutContext context, float width, float height, bool top) => Built.Layout(context, width, height, top);

    public override float NaturalWidth(LayoutContext context, float max) => Built.NaturalWidth(context, max);
}

internal static class SectionNames
{
    public static string Check(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? name
            : throw new ArgumentException($"'{name}' is not a section name (letters, digits, '-').", nameof(name));
}
