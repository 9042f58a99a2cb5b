using SkiaSharp;

namespace Tables.Reports.Pdf;

internal sealed record TableColumn(bool Constant, float Size);

internal sealed record TableCell(int Column, int ColumnSpan, Block Content);

/// <summary>
/// Rows of cells under header rows that repeat at the top of every page the table continues on. A body row moves to
/// the next page whole; only a row taller than a page is split. Each cell is painted in the full row height, so a
/// cell's background fills the row.
/// </summary>
internal sealed class TableBlock(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableCell[]> header, IReadOnlyList<TableCell[]> rows) : Block
{
    public IReadOnlyList<TableColumn> Columns { get; } = columns;
    public IReadOnlyList<TableCell[]> Header { get; } = header;
    public IReadOnlyList<TableCell[]> Rows { get; } = rows;

    public override Fit Layout(LayoutContext context, float width, float height, bool top)
    {
        var widths = ColumnWidths(width);
        var placed = new List<(Drawable, SKRect)>();
        var y = 0f;
        foreach (var row in Header)
        {
            var fit = LayoutRow(context, row, widths, float.PositiveInfinity, true);
            AddRow(placed, fit, y, widths, row);
            y += fit.Height;
        }
        var headerHeight = y;
        var bodyPlaced = 0;
        TableCell[]? partial = null;
        foreach (var row in Rows)
        {
            var fit = LayoutRow(context, row, widths, height - y, top && bodyPlaced == 0);
            if (fit.Wraps || (fit.Rest is not null && !(top && bodyPlaced == 0)))
            {
                break;
            }
            AddRow(placed, fit, y, widths, row);
            y += fit.Height;
            bodyPlaced++;
            if (fit.Rest is not null)
            {
                partial = fit.Rest;
                break;
            }
        }
        if (bodyPlaced == 0 && Rows.Count > 0)
        {
            return top ? Fit.All(new StackDrawable(placed), headerHeight) : Fit.Wrap(this);
        }
        if (bodyPlaced == Rows.Count && partial is null)
        {
            return Fit.All(new StackDrawable(placed), y);
        }
        var rest = Rows.Skip(bodyPlaced);
        if (partial is not null)
        {
            rest = rest.Prepend(partial);
        }
        return new Fit(new StackDrawable(placed), y, new TableBlock(Columns, Header, rest.ToArray()));
    }

    private static void AddRow(List<(Drawable, SKRect)> placed, RowFit fit, float y, float[] widths, TableCell[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            var x = 0f;
            for (var c = 0; c < row[i].Column; c++)
            {
                x += widths[c];
            }
            var w = 0f;
            for (var c = row[i].Column; c < row[i].Column + row[i].ColumnSpan; c++)
            {
                w += widths[c];
            }
            placed.Add((fit.Cells[i], SKRect.Create(x, y, w, fit.Height)));
        }
    }

    private static RowFit LayoutRow(LayoutContext context, TableCell[] row, float[] widths, float height, bool top)
    {
        var cells = new Drawable[row.Length];
        var rests = new TableCell[row.Length];
        var anyRest = false;
        var rowHeight = 0f;
        for (var i = 0; i < row.Length; i++)
        {
            var cell = row[i];
            var w = 0f;
            for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
            {
                w += widths[c];
            }
            var fit = cell.Content.Layout(context, w, height, top);
            if (fit.Wraps)
            {
                return RowFit.Wrap;
            }
            cells[i] = fit.Placed!;
            rowHeight = Math.Max(rowHeight, fit.Height);
            rests[i] = cell with { Content = fit.Rest ?? EmptyBlock.Instance };
            anyRest |= fit.Rest is not null;
        }
        return new RowFit(cells, rowHeight, anyRest ? rests : null);
    }

    private float[] ColumnWidths(float width)
    {
        var widths = new float[Columns.Count];
        var free = width;
        var relative = 0f;
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Constant)
            {
                widths[i] = Columns[i].Size;
                free -= Columns[i].Size;
            }
            else
            {
                relative += Columns[i].Size;
            }
        }
        for (var i = 0; i < Columns.Count; i++)
        {
            if (!Columns[i].Constant)
            {
                widths[i] = Math.Max(0, free) * Columns[i].Size / relative;
            }
        }
        return widths;
    }

    private sealed record RowFit(Drawable[] Cells, float Height, TableCell[]? Rest)
    {
        public static readonly RowFit Wrap = new([], 0, null);

        public bool Wraps => Cells.Length == 0;
    }
}
