using SkiaSharp;

namespace Tables.Reports.Pdf;

internal sealed class PageLayout(PageDescriptor set, Drawable content, float contentTop, float contentHeight)
{
    public PageDescriptor Set { get; } = set;
    public Drawable Content { get; } = content;
    public Drawable? Header { get; set; }
    public Drawable? Footer { get; set; }
    public float HeaderHeight { get; set; }
    public float FooterHeight { get; set; }

    public void Paint(PaintContext context)
    {
        var margins = Set.Margins;
        var left = margins.Left;
        var right = Set.Width - margins.Right;
        Header?.Paint(context, new SKRect(left, margins.Top, right, margins.Top + HeaderHeight));
        Content.Paint(context, new SKRect(left, contentTop, right, contentTop + contentHeight));
        var footerTop = Set.Height - margins.Bottom - FooterHeight;
        Footer?.Paint(context, new SKRect(left, footerTop, right, footerTop + FooterHeight));
    }
}

/// <summary>
/// Fills pages with each page set's content, then lays out headers and footers once the page count is known (so a
/// footer can say "page 3 of 24"). Headers and footers are measured first with a two-digit page count: they must not
/// change height from page to page.
/// </summary>
internal sealed class Paginator(LayoutContext context)
{
    private const int MaxPages = 5000;

    public List<PageLayout> Paginate(IReadOnlyList<PageDescriptor> pageSets)
    {
        var pages = new List<PageLayout>();
        var frames = new List<(PageDescriptor Set, Block Header, Block Footer, int First, int Count)>();
        foreach (var set in pageSets)
        {
            var width = set.Width - set.Margins.Left - set.Margins.Right;
            var header = set.HeaderSlot.Build();
            var footer = set.FooterSlot.Build();
            context.PageNumber = 88;
            context.TotalPages = 88;
            var headerHeight = Measure(header, width);
            var footerHeight = Measure(footer, width);
            var top = set.Margins.Top + headerHeight + (headerHeight > 0 ? set.HeaderSpacing : 0);
            var height = set.Height - set.Margins.Bottom - footerHeight - (footerHeight > 0 ? set.HeaderSpacing : 0) - top;
            var first = pages.Count;
            Block? remaining = set.ContentSlot.Build();
            while (remaining is not null)
            {
                if (pages.Count >= MaxPages)
                {
                    throw new InvalidOperationException($"The document passed {MaxPages} pages: an element cannot be placed.");
                }
                context.PageNumber = pages.Count + 1;
                var fit = remaining.Layout(context, width, height, true);
                pages.Add(new PageLayout(set, fit.Placed ?? EmptyDrawable.Instance, top, height)
                {
                    HeaderHeight = headerHeight,
                    FooterHeight = footerHeight,
                });
                remaining = fit.Rest;
            }
            frames.Add((set, header, footer, first, pages.Count - first));
        }
        context.TotalPages = pages.Count;
        foreach (var (set, header, footer, first, count) in frames)
        {
            var width = set.Width - set.Margins.Left - set.Margins.Right;
            for (var i = first; i < first + count; i++)
            {
                context.PageNumber = i + 1;
                pages[i].Header = header is EmptyBlock ? null : header.Layout(context, width, float.PositiveInfinity, true).Placed;
                pages[i].Footer = footer is EmptyBlock ? null : footer.Layout(context, width, float.PositiveInfinity, true).Placed;
            }
        }
        return pages;
    }

    private float Measure(Block block, float width) =>
        block is EmptyBlock ? 0 : block.Layout(context, width, float.PositiveInfinity, true).Height;
}
