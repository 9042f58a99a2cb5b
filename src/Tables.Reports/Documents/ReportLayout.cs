using Tables.Reports.Models;
using Tables.Reports.Pdf;

namespace Tables.Reports.Documents;

internal static class Palette
{
    public const string Primary = "#1D5B79";
    public const string PrimaryDark = "#123A4E";
    public const string Accent = "#C2571A";
    public const string Social = "#D9822B";
    public const string Ecological = "#3C8D5A";
    public const string Both = "#6D5BA8";
    public const string Text = "#1F2933";
    public const string Muted = "#52606D";
    public const string Light = "#EEF3F7";
    public const string Rule = "#D3DCE4";
    public const string White = "#FFFFFF";

    /// <summary>Colours for series without meaning of their own (funders, groups).</summary>
    public static readonly string[] Series = ["#1D5B79", "#3C8D5A", "#D9822B", "#6D5BA8", "#2A9D8F", "#B5838D", "#8D99AE", "#E9C46A"];
}

/// <summary>A column of text for one column of a data table.</summary>
internal sealed record TableHeader(string Title, float Width, bool Constant = false, bool Right = false);

/// <summary>
/// The house style shared by the three documents: cover, running header and footer, chapters (in the table of
/// contents and the bookmarks), paragraphs, key figures, lists and data tables.
/// </summary>
internal sealed class ReportLayout(ReportCulture culture, DocumentOutline outline)
{
    private int _sections;

    public ReportCulture C { get; } = culture;

    public string T(string key) => C.Text(key);

    public string T(string key, params object[] args) => C.Text(key, args);

    /// <summary>The cover: a coloured band with the logo and the table's name, the document's title and its facts.</summary>
    public void Cover(Document document, TableInfo table, string title, string subtitle, IEnumerable<string> facts)
    {
        document.Page(page =>
        {
            page.Margin(0);
            page.DefaultTextStyle(s => s.FontColor(Palette.Text));
            page.Content().Column(col =>
            {
                col.Item().Background(Palette.Primary).Padding(54, 64, 54, 40).Column(band =>
                {
                    band.Spacing(10);
                    if (table.Logo is { } logo)
                    {
                        band.Item().Width(84).Background(Palette.White, 6).Padding(6).Image(logo);
                    }
                    band.Item().PaddingTop(12).Text(table.Name).FontSize(15).FontColor("#D6E6F0").Bold();
                    band.Item().Text(title).FontSize(34).Bold().FontColor(Palette.White).LineHeight(1.1f);
                    band.Item().Text(subtitle).FontSize(16).FontColor(Palette.White);
                });
                col.Item().Height(6).Background(Palette.Accent).Text("");
                col.Item().Padding(54, 36, 54, 0).Column(list =>
                {
                    list.Spacing(8);
                    foreach (var fact in facts)
                    {
                        list.Item().Text(fact).FontSize(13);
                    }
                });
            });
        });
    }

    /// <summary>The pages after the cover: running header (table · document), footer with "page n of N".</summary>
    public void Body(Document document, string running, Action<ColumnDescriptor> content)
    {
        document.Page(page =>
        {
            page.Margin(54, 46);
            page.Spacing(14);
            page.DefaultTextStyle(s => s.FontSize(10).FontColor(Palette.Text));
            page.Header().BorderBottom(0.75f, Palette.Rule).PaddingBottom(5).Text(running).FontSize(8.5f).FontColor(Palette.Muted);
            page.Footer().BorderTop(0.75f, Palette.Rule).PaddingTop(5).Text(t =>
            {
                t.DefaultStyle(s => s.FontSize(8.5f).FontColor(Palette.Muted));
                t.AlignRight();
                t.Span(T("Common.Page") + " ");
                t.CurrentPageNumber();
                t.Span(" " + T("Common.Of") + " ");
                t.TotalPages();
            });
            page.Content().Column(col =>
            {
                col.Spacing(8);
                content(col);
            });
        });
    }

    public void TableOfContents(ColumnDescriptor col)
    {
        col.Item().PaddingBottom(6).Text(T("Common.Contents")).FontSize(20).Bold().FontColor(Palette.PrimaryDark);
        col.Item().DefaultTextStyle(s => s.FontSize(10.5f)).TableOfContents(outline);
    }

    /// <summary>A chapter: on a new page, in the table of contents and the bookmarks.</summary>
    public string Chapter(ColumnDescriptor col, string title, bool newPage = true)
    {
        var section = "s" + ++_sections;
        outline.Add(1, title, section);
        if (newPage)
        {
            col.Item().PageBreak();
        }
        col.Item().KeepWithNext().Section(section).PaddingBottom(4).BorderBottom(2, Palette.Accent).PaddingBottom(6)
            .Text(title).FontSize(20).Bold().FontColor(Palette.PrimaryDark).LineHeight(1.15f);
        return section;
    }

    /// <summary>A heading inside a chapter (in the bookmarks and, at level 2, in the table of contents).</summary>
    public string Heading(ColumnDescriptor col, string title, string? eyebrow = null)
    {
        var section = "s" + ++_sections;
        outline.Add(2, title, section);
        col.Item().KeepWithNext().Section(section).PaddingTop(10).Text(t =>
        {
            if (eyebrow is not null)
            {
                t.Line(eyebrow).FontSize(9).Bold().FontColor(Palette.Accent);
            }
            t.Span(title).FontSize(14.5f).Bold().FontColor(Palette.Primary).LineHeight(1.2f);
        });
        return section;
    }

    public void Subheading(ColumnDescriptor col, string title) =>
        col.Item().KeepWithNext().PaddingTop(4).Text(title).FontSize(11.5f).Bold().FontColor(Palette.PrimaryDark);

    public void Paragraph(ColumnDescriptor col, string text) => col.Item().Text(text).LineHeight(1.4f);

    public void Note(ColumnDescriptor col, string text) => col.Item().Text(text).FontSize(8.5f).Italic().FontColor(Palette.Muted);

    public void Bullets(ColumnDescriptor col, IEnumerable<string> items, string bullet = "•")
    {
        col.Item().Column(list =>
        {
            list.Spacing(3);
            foreach (var item in items)
            {
                list.Item().Row(row =>
                {
                    row.ConstantItem(14).Text(bullet).FontColor(Palette.Accent).Bold();
                    row.RelativeItem().Text(item).LineHeight(1.35f);
                });
            }
        });
    }

    /// <summary>Key figures side by side: a big number over its label.</summary>
    public void KeyFigures(ColumnDescriptor col, IReadOnlyList<(string Value, string Label)> figures)
    {
        col.Item().PaddingVertical(4).Row(row =>
        {
            row.Spacing(8);
            foreach (var (value, label) in figures)
            {
                row.RelativeItem().Background(Palette.Light, 4).BorderLeft(3, Palette.Primary).Padding(8, 7, 6, 7).Column(card =>
                {
                    card.Item().Text(value).FontSize(19).Bold().FontColor(Palette.Primary);
                    card.Item().Text(label).FontSize(8.5f).FontColor(Palette.Muted);
                });
            }
        });
    }

    /// <summary>A callout: a tinted box with a coloured rule on its left.</summary>
    public IContainer Callout(ColumnDescriptor col, string color = Palette.Primary) =>
        col.Item().Background(Palette.Light, 3).BorderLeft(3, color).Padding(10, 8, 10, 8);

    /// <summary>A data table: dark header row repeated on each page, light stripes.</summary>
    public void DataTable(ColumnDescriptor col, IReadOnlyList<TableHeader> headers, IEnumerable<IReadOnlyList<Action<IContainer>>> rows)
    {
        col.Item().DefaultTextStyle(s => s.FontSize(8.8f)).Table(table =>
        {
            table.ColumnsDefinition(c =>
            {
                foreach (var h in headers)
                {
                    if (h.Constant)
                    {
                        c.ConstantColumn(h.Width);
                    }
                    else
                    {
                        c.RelativeColumn(h.Width);
                    }
                }
            });
            table.Header(head =>
            {
                foreach (var h in headers)
                {
                    var cell = head.Cell().Background(Palette.PrimaryDark).Padding(5, 4, 5, 4);
                    var text = cell.Text(h.Title).Bold().FontColor(Palette.White).FontSize(8.5f);
                    if (h.Right)
                    {
                        text.AlignRight();
                    }
                }
            });
            var index = 0;
            foreach (var row in rows)
            {
                var stripe = index++ % 2 == 1;
                foreach (var cell in row)
                {
                    var container = table.Cell().BorderBottom(0.5f, Palette.Rule);
                    if (stripe)
                    {
                        container = container.Background("#F6F9FB");
                    }
                    cell(container.Padding(5, 4, 5, 4));
                }
            }
        });
    }

    public static Action<IContainer> Cell(string text, bool right = false, bool bold = false, string? color = null) => c =>
    {
        var span = c.Text(text);
        if (right)
        {
            span.AlignRight();
        }
        if (bold)
        {
            span.Bold();
        }
        if (color is not null)
        {
            span.FontColor(color);
        }
    };

    public string Status(ActionStatus status) => T("Status." + status);

    public static string StatusColor(ActionStatus status) => status switch
    {
        ActionStatus.Done => Palette.Ecological,
        ActionStatus.InProgress => Palette.Primary,
        ActionStatus.Suspended => Palette.Social,
        ActionStatus.Cancelled => "#BA2525",
        _ => Palette.Muted,
    };

    public string Tag(TransitionTag tag) => T("Tag." + tag);

    public static string TagColor(TransitionTag tag) => tag switch
    {
        TransitionTag.Social => Palette.Social,
        TransitionTag.Ecological => Palette.Ecological,
        TransitionTag.Both => Palette.Both,
        _ => Palette.Muted,
    };

    public DocumentMetadata Metadata(string title, TableInfo table, DateOnly produced) => new()
    {
        Title = title,
        Author = table.Name,
        Subject = title + " — " + table.Neighbourhood,
        Keywords = T("Common.Keywords"),
        Language = C.LanguageTag,
        Created = produced == default ? null : produced.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
    };
}
