namespace Tables.Reports.Pdf;

public sealed class ColumnDescriptor
{
    private readonly List<Container> _items = [];
    private readonly TextStyle _style;
    private float _spacing;

    internal ColumnDescriptor(TextStyle style) => _style = style;

    /// <summary>Vertical space between items, in points.</summary>
    public void Spacing(float value) => _spacing = value;

    public IContainer Item()
    {
        var item = new Container(_style);
        _items.Add(item);
        return item;
    }

    internal Block Build() => new ColumnBlock(_items.Select(i => i.Build()).ToArray(), _spacing);
}

public sealed class RowDescriptor
{
    private readonly List<(RowItemKind Kind, float Size, Container Content)> _items = [];
    private readonly TextStyle _style;
    private float _spacing;

    internal RowDescriptor(TextStyle style) => _style = style;

    public void Spacing(float value) => _spacing = value;

    /// <summary>Shares the width left by constant and auto items, in proportion to <paramref name="weight"/>.</summary>
    public IContainer RelativeItem(float weight = 1) => Add(RowItemKind.Relative, weight);

    public IContainer ConstantItem(float width) => Add(RowItemKind.Constant, width);

    /// <summary>As wide as its content.</summary>
    public IContainer AutoItem() => Add(RowItemKind.Auto, 0);

    private Container Add(RowItemKind kind, float size)
    {
        var container = new Container(_style);
        _items.Add((kind, size, container));
        return container;
    }

    internal Block Build() => new RowBlock(_items.Select(i => new RowItem(i.Kind, i.Size, i.Content.Build())).ToArray(), _spacing);
}

public sealed class TableColumnsDescriptor
{
    internal List<TableColumn> Columns { get; } = [];

    public void RelativeColumn(float weight = 1) => Columns.Add(new TableColumn(false, weight));

    public void ConstantColumn(float width) => Columns.Add(new TableColumn(true, width));
}

/// <summary>Cells fill rows left to right; header rows repeat on every page the table continues on.</summary>
public sealed class TableDescriptor
{
    private readonly TableColumnsDescriptor _columns = new();
    private readonly List<(int Span, Container Content)> _header = [];
    private readonly List<(int Span, Container Content)> _cells = [];
    private readonly TextStyle _style;

    internal TableDescriptor(TextStyle style) => _style = style;

    public void ColumnsDefinition(Action<TableColumnsDescriptor> define) => define(_columns);

    public void Header(Action<TableCellsDescriptor> compose) => compose(new TableCellsDescriptor(_header, _style));

    public IContainer Cell(int columnSpan = 1) => new TableCellsDescriptor(_cells, _style).Cell(columnSpan);

    internal Block Build()
    {
        if (_columns.Columns.Count == 0)
        {
            throw new InvalidOperationException("A table needs its columns defined.");
        }
        return new TableBlock(_columns.Columns, Rows(_header), Rows(_cells));
    }

    private List<TableCell[]> Rows(List<(int Span, Container Content)> cells)
    {
        var rows = new List<TableCell[]>();
        var row = new List<TableCell>();
        var column = 0;
        foreach (var (span, content) in cells)
        {
            var width = Math.Clamp(span, 1, _columns.Columns.Count);
            if (column + width > _columns.Columns.Count)
            {
                rows.Add([.. row]);
                row.Clear();
                column = 0;
            }
            row.Add(new TableCell(column, width, content.Build()));
            column += width;
        }
        if (row.Count > 0)
        {
            rows.Add([.. row]);
        }
        return rows;
    }
}

public sealed class TableCellsDescriptor
{
    private readonly List<(int Span, Container Content)> _cells;
    private readonly TextStyle _style;

    internal TableCellsDescriptor(List<(int Span, Container Content)> cells, TextStyle style)
    {
        _cells = cells;
        _style = style;
    }

    public IContainer Cell(int columnSpan = 1)
    {
        var container = new Container(_style);
        _cells.Add((columnSpan, container));
        return container;
    }
}

/// <summary>Rich text: spans with their own style, links, page numbers.</summary>
public sealed class TextDescriptor
{
    private TextStyle _style;

    internal TextDescriptor(TextStyle style) => _style = style;

    internal Paragraph Paragraph { get; } = new();

    /// <summary>Style of the spans added after this call (and of those before that kept the default).</summary>
    public TextDescriptor DefaultStyle(Func<TextStyle, TextStyle> style)
    {
        var previous = _style;
        _style = style(_style);
        foreach (var span in Paragraph.Spans.Where(s => ReferenceEquals(s.Style, previous)))
        {
            span.Style = _style;
        }
        return this;
    }

    public TextDescriptor AlignCenter()
    {
        Paragraph.Alignment = HorizontalAlignment.Center;
        return this;
    }

    public TextDescriptor AlignRight()
    {
        Paragraph.Alignment = HorizontalAlignment.Right;
        return this;
    }

    public SpanDescriptor Span(string text) => Add(new Span { Text = text, Style = _style });

    public SpanDescriptor Line(string text) => Span(text + "\n");

    public SpanDescriptor Hyperlink(string text, string url) => Add(new Span { Text = text, Style = _style, Url = url });

    public SpanDescriptor SectionLink(string text, string section) =>
        Add(new Span { Text = text, Style = _style, Section = SectionNames.Check(section) });

    public SpanDescriptor CurrentPageNumber() => Add(new Span { Text = "", Style = _style, Kind = SpanKind.PageNumber });

    public SpanDescriptor TotalPages() => Add(new Span { Text = "", Style = _style, Kind = SpanKind.TotalPages });

    // Style shortcuts on the whole text, QuestPDF-style: container.Text("…").FontSize(9) styles the one span.
    private SpanDescriptor Add(Span span)
    {
        Paragraph.Spans.Add(span);
        return new SpanDescriptor(span, this);
    }
}

public sealed class SpanDescriptor
{
    private readonly Span _span;

    internal SpanDescriptor(Span span, TextDescriptor text)
    {
        _span = span;
        Text = text;
    }

    /// <summary>The paragraph the span belongs to (to align it).</summary>
    public TextDescriptor Text { get; }

    public SpanDescriptor Style(Func<TextStyle, TextStyle> style)
    {
        _span.Style = style(_span.Style);
        return this;
    }

    public SpanDescriptor Bold() => Style(s => s.Bold());
    public SpanDescriptor Italic() => Style(s => s.Italic());
    public SpanDescriptor FontSize(float size) => Style(s => s.FontSize(size));
    public SpanDescriptor FontColor(string color) => Style(s => s.FontColor(color));
    public SpanDescriptor LineHeight(float lineHeight) => Style(s => s.LineSpacing(lineHeight));
    public SpanDescriptor Underline() => Style(s => s with { Underline = true });

    public SpanDescriptor AlignCenter()
    {
        Text.AlignCenter();
        return this;
    }

    public SpanDescriptor AlignRight()
    {
        Text.AlignRight();
        return this;
    }
}
