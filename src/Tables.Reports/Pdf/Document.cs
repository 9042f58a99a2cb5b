using SkiaSharp;

namespace Tables.Reports.Pdf;

/// <summary>What the PDF says about itself (title, author, language shown by viewers and read by screen readers).</summary>
public sealed record DocumentMetadata
{
    public string Title { get; init; } = "";
    public string Author { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Keywords { get; init; } = "";
    /// <summary>BCP 47 tag ("fr-CA"); also picks the typography applied to every text.</summary>
    public string Language { get; init; } = "fr-CA";
    public string Creator { get; init; } = "Tables";
    public DateTime? Created { get; init; }
}

/// <summary>The headings of a document, filled while composing: the table of contents and the PDF bookmarks.</summary>
public sealed class DocumentOutline
{
    private readonly List<OutlineEntry> _entries = [];

    public IReadOnlyList<OutlineEntry> Entries => _entries;

    public void Add(int level, string title, string section) => _entries.Add(new OutlineEntry(level, title, SectionNames.Check(section)));
}

public interface IDocumentContainer
{
    /// <summary>A run of pages sharing size, margins, header and footer; its content flows over as many pages as it needs.</summary>
    void Page(Action<PageDescriptor> compose);
}

public sealed class PageDescriptor
{
    internal PageDescriptor(TextStyle style)
    {
        HeaderSlot = new Container(style);
        ContentSlot = new Container(style);
        FooterSlot = new Container(style);
    }

    internal float Width { get; private set; } = PageSizes.Letter.Width;
    internal float Height { get; private set; } = PageSizes.Letter.Height;
    internal SKRect Margins { get; private set; } = new(54, 54, 54, 54);
    internal Container HeaderSlot { get; }
    internal Container ContentSlot { get; }
    internal Container FooterSlot { get; }
    internal float HeaderSpacing { get; private set; } = 12;

    public void Size(float width, float height) => (Width, Height) = (width, height);

    public void Size(SKSize size) => Size(size.Width, size.Height);

    public void Margin(float all) => Margins = new SKRect(all, all, all, all);

    public void Margin(float horizontal, float vertical) => Margins = new SKRect(horizontal, vertical, horizontal, vertical);

    /// <summary>Space between the header (and the footer) and the content.</summary>
    public void Spacing(float value) => HeaderSpacing = value;

    /// <summary>The text style of everything on these pages; call it before composing the content.</summary>
    public void DefaultTextStyle(Func<TextStyle, TextStyle> style)
    {
        foreach (var slot in new[] { HeaderSlot, ContentSlot, FooterSlot })
        {
            slot.Style = style(slot.Style);
        }
    }

    public IContainer Header() => HeaderSlot;
    public IContainer Content() => ContentSlot;
    public IContainer Footer() => FooterSlot;
}

public static class PageSizes
{
    /// <summary>US Letter, the paper of Québec offices (points).</summary>
    public static SKSize Letter { get; } = new(612, 792);
    public static SKSize A4 { get; } = new(595.28f, 841.89f);
}

/// <summary>
/// A document composed with a QuestPDF-shaped API, laid out and paginated by this engine and written with
/// SkiaSharp's PDF backend (real text, embedded fonts, vector charts, links, bookmarks, /Lang).
/// </summary>
public sealed class Document : IDocumentContainer
{
    private readonly List<PageDescriptor> _pageSets = [];
    private DocumentMetadata _metadata = new();

    private Document()
    {
    }

    public DocumentOutline Outline { get; } = new();

    internal IReadOnlyList<PageDescriptor> PageSets => _pageSets;

    internal DocumentMetadata Metadata => _metadata;

    public static Document Create(Action<IDocumentContainer> compose)
    {
        var document = new Document();
        compose(document);
        return document;
    }

    /// <summary>Composes with access to the document (its <see cref="Outline"/>).</summary>
    public static Document Create(Action<Document> compose)
    {
        var document = new Document();
        compose(document);
        return document;
    }

    void IDocumentContainer.Page(Action<PageDescriptor> compose) => Page(compose);

    public void Page(Action<PageDescriptor> compose)
    {
        var page = new PageDescriptor(TextStyle.Default);
        compose(page);
        _pageSets.Add(page);
    }

    public Document WithMetadata(DocumentMetadata metadata)
    {
        _metadata = metadata;
        return this;
    }

    public byte[] GeneratePdf()
    {
        using var stream = new MemoryStream();
        GeneratePdf(stream);
        return stream.ToArray();
    }

    public void GeneratePdf(Stream output)
    {
        using var skia = new SkiaCache();
        var culture = ReportCulture.For(_metadata.Language);
        var pages = new Paginator(new LayoutContext(skia, culture)).Paginate(_pageSets);
        var sections = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].Content.CollectSections(i + 1, sections);
        }
        using var pdf = new MemoryStream();
        using (var document = SKDocument.CreatePdf(pdf, new SKDocumentPdfMetadata
        {
            Title = _metadata.Title,
            Author = _metadata.Author,
            Subject = _metadata.Subject,
            Keywords = _metadata.Keywords,
            Creator = _metadata.Creator,
            Producer = "Tables.Reports (SkiaSharp)",
            Creation = _metadata.Created,
            Modified = _metadata.Created,
            EncodingQuality = 101,
            RasterDpi = 150,
        }))
        {
            foreach (var page in pages)
            {
                var canvas = document.BeginPage(page.Set.Width, page.Set.Height);
                page.Paint(new PaintContext(canvas, skia, sections));
                document.EndPage();
            }
            document.Close();
        }
        var bookmarks = Outline.Entries.Where(e => sections.ContainsKey(e.Section)).ToList();
        PdfCatalog.AppendUpdate(pdf, output, _metadata.Language, bookmarks);
    }
}
