using System.Globalization;
using System.Net;
using System.Text;
using SkiaSharp;
using Tables.Reports;
using Tables.Reports.Pdf;

namespace Tables.Benchmarks;

/// <summary>
/// The same document as HTML for Chromium's print-to-PDF, written from the engine's own element tree: the same text,
/// the same tables (thead repeats on each page), the same charts (ScottPlot's SVG), the same font files, the same
/// page size, margins and footer — so the two PDFs carry the same content.
/// </summary>
internal static class EquivalentHtml
{
    public static string Write(Document document)
    {
        var culture = ReportCulture.For(document.Metadata.Language);
        var html = new StringBuilder("<!doctype html><html lang=\"").Append(culture.LanguageTag).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(document.Metadata.Title)).Append("</title><style>");
        foreach (var (face, weight, style) in new[] { ("Regular", 400, "normal"), ("Bold", 700, "normal"), ("Italic", 400, "italic") })
        {
            html.Append("@font-face{font-family:'Tables Sans';font-weight:").Append(weight).Append(";font-style:").Append(style)
                .Append(";src:url(data:font/ttf;base64,").Append(Convert.ToBase64String(Font(face))).Append(")}");
        }
        html.Append("body{margin:0;font-family:'Tables Sans';color:#1F2933}")
            .Append("table{border-collapse:collapse;width:100%}thead{display:table-header-group}tr{break-inside:avoid}")
            .Append("td,th{vertical-align:top;text-align:left;padding:0}p{margin:0}.col{display:flex;flex-direction:column}.row{display:flex}")
            .Append(".pb{break-after:page}svg{display:block;width:100%}</style></head><body>");
        var first = true;
        foreach (var set in document.PageSets)
        {
            if (!first)
            {
                html.Append("<div class=\"pb\"></div>");
            }
            first = false;
            Block(html, set.ContentSlot.Build(), culture);
        }
        return html.Append("</body></html>").ToString();
    }

    private static void Block(StringBuilder html, Block block, ReportCulture culture)
    {
        switch (block)
        {
            case ColumnBlock column:
                html.Append("<div class=\"col\" style=\"gap:").Append(Px(column.Spacing)).Append("\">");
                foreach (var item in column.Items)
                {
                    Block(html, item, culture);
                }
                html.Append("</div>");
                break;
            case RowBlock row:
                html.Append("<div class=\"row\" style=\"gap:").Append(Px(row.Spacing)).Append("\">");
                foreach (var item in row.Items)
                {
                    var flex = item.Kind switch
                    {
                        RowItemKind.Constant => $"flex:0 0 {Px(item.Size)}",
                        RowItemKind.Auto => "flex:0 0 auto",
                        _ => $"flex:{item.Size.ToString(CultureInfo.InvariantCulture)} 1 0",
                    };
                    html.Append("<div style=\"").Append(flex).Append("\">");
                    Block(html, item.Content, culture);
                    html.Append("</div>");
                }
                html.Append("</div>");
                break;
            case TableBlock table:
                html.Append("<table><colgroup>");
                var relative = table.Columns.Where(c => !c.Constant).Sum(c => c.Size);
                foreach (var column in table.Columns)
                {
                    html.Append("<col style=\"width:").Append(column.Constant ? Px(column.Size) : (column.Size / relative * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%").Append("\">");
                }
                html.Append("</colgroup><thead>");
                Rows(html, table.Header, "th", culture);
                html.Append("</thead><tbody>");
                Rows(html, table.Rows, "td", culture);
                html.Append("</tbody></table>");
                break;
            case TextBlock text:
                html.Append("<p style=\"text-align:").Append(text.Paragraph.Alignment.ToString().ToLowerInvariant()).Append("\">");
                foreach (var span in text.Paragraph.Spans)
                {
                    var style = span.Style;
                    html.Append("<span style=\"font-size:").Append(Px(style.Size)).Append(";line-height:").Append(style.LineHeight.ToString(CultureInfo.InvariantCulture))
                        .Append(";color:").Append(style.Color).Append(style.Face == FontFace.Bold ? ";font-weight:700" : style.Face == FontFace.Italic ? ";font-style:italic" : "").Append("\">")
                        .Append(Encode(culture.Typeset(span.Text)).Replace("\n", "<br>")).Append("</span>");
                }
                html.Append("</p>");
                break;
            case DecorationBlock decoration:
                var p = decoration.Padding;
                var b = decoration.Border;
                html.Append("<div style=\"padding:").Append(Px(p.Top)).Append(' ').Append(Px(p.Right)).Append(' ').Append(Px(p.Bottom)).Append(' ').Append(Px(p.Left));
                if (decoration.Background is { } background)
                {
                    html.Append(";background:").Append(Hex(background)).Append(";border-radius:").Append(Px(decoration.CornerRadius));
                }
                if (b != SKRect.Empty)
                {
                    html.Append(";border-style:solid;border-color:").Append(Hex(decoration.BorderColor)).Append(";border-width:")
                        .Append(Px(b.Top)).Append(' ').Append(Px(b.Right)).Append(' ').Append(Px(b.Bottom)).Append(' ').Append(Px(b.Left));
                }
                html.Append("\">");
                Block(html, decoration.Child, culture);
                html.Append("</div>");
                break;
            case SizeBlock size:
                html.Append("<div style=\"").Append(size.Width is { } w ? "width:" + Px(w) + ";" : "").Append(size.Height is { } h ? "height:" + Px(h) + ";overflow:hidden;" : "")
                    .Append(size.MinHeight is { } m ? "min-height:" + Px(m) : "").Append("\">");
                Block(html, size.Child, culture);
                html.Append("</div>");
                break;
            case SectionBlock section:
                html.Append("<div id=\"").Append(section.Name).Append("\">");
                Block(html, section.Child, culture);
                html.Append("</div>");
                break;
            case ShowEntireBlock entire:
                html.Append("<div style=\"break-inside:avoid\">");
                Block(html, entire.Child, culture);
                html.Append("</div>");
                break;
            case KeepWithNextBlock keep:
                html.Append("<div style=\"break-after:avoid\">");
                Block(html, keep.Child, culture);
                html.Append("</div>");
                break;
            case WrapperBlock wrapper:
                Block(html, wrapper.Child, culture);
                break;
            case ImageBlock image:
                using (var data = image.Image.Encode(SKEncodedImageFormat.Png, 100))
                {
                    html.Append("<img style=\"width:").Append(Px(image.NaturalWidth(null!, 10_000))).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(data.ToArray())).Append("\">");
                }
                break;
            case ChartBlock chart:
                html.Append("<div style=\"height:").Append(Px(chart.Height)).Append("\">").Append(chart.Plot.GetSvgXml(648, (int)(chart.Height / 0.75f))).Append("</div>");
                break;
            case RuleBlock rule:
                html.Append("<div style=\"height:").Append(Px(rule.Thickness)).Append(";background:").Append(Hex(rule.Color)).Append("\"></div>");
                break;
            case TocBlock toc:
                html.Append("<div class=\"col\" style=\"gap:4px\">");
                foreach (var entry in toc.Entries)
                {
                    html.Append("<a class=\"row\" href=\"#").Append(entry.Section).Append("\" style=\"color:inherit;text-decoration:none;padding-left:").Append(Px((entry.Level - 1) * 16))
                        .Append(entry.Level == 1 ? ";font-weight:700" : "").Append("\"><span style=\"flex:1\">").Append(Encode(culture.Typeset(entry.Title)))
                        .Append("</span><span>00</span></a>");
                }
                html.Append("</div>");
                break;
            case PageBreakBlock:
                html.Append("<div class=\"pb\"></div>");
                break;
        }
    }

    private static void Rows(StringBuilder html, IReadOnlyList<TableCell[]> rows, string tag, ReportCulture culture)
    {
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append('<').Append(tag).Append(" colspan=\"").Append(cell.ColumnSpan).Append("\">");
                Block(html, cell.Content, culture);
                html.Append("</").Append(tag).Append('>');
            }
            html.Append("</tr>");
        }
    }

    // 1 pt = 4/3 CSS px.
    private static string Px(float points) => (points * 4 / 3).ToString("0.##", CultureInfo.InvariantCulture) + "px";

    private static string Hex(SKColor color) => $"#{color.Red:X2}{color.Green:X2}{color.Blue:X2}";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static byte[] Font(string face)
    {
        using var stream = typeof(EquivalentHtml).Assembly.GetManifestResourceStream($"Fonts.TablesSans-{face}.ttf")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
