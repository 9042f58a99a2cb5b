using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Tables.Web.Features.Portrait;

/// <summary>
/// Narratives are written in Markdown by partners and shown to everyone (the public page too): rendered by Markdig
/// with raw HTML disabled, then sanitised by HtmlSanitizer to a short list of text tags — links only to http(s) and
/// mailto. Headings move down three levels so a "# Title" in a narrative never competes with the page's own headings.
/// </summary>
public sealed class PortraitMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseListExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public PortraitMarkdown()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "em", "del", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h4", "h5", "h6", "hr",
                "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        _sanitizer = new HtmlSanitizer(options);
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "nofollow noopener");
            }
        };
    }

    /// <summary>Safe HTML for a narrative's Markdown.</summary>
    public string ToSafeHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 3);
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return _sanitizer.Sanitize(writer.ToString()).Trim();
    }

    /// <summary>The first words of a narrative as plain text (for summaries): Markdown marks removed.</summary>
    public static string Excerpt(string markdown, int length = 160) => Shorten(Markdown.ToPlainText(markdown ?? "", Pipeline), length);

    /// <summary>Plain text on one line, cut at a word before <paramref name="length"/> characters with "…".</summary>
    public static string Shorten(string text, int length)
    {
        var plain = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (plain.Length <= length)
        {
            return plain;
        }
        var cut = plain.LastIndexOf(' ', length);
        return plain[..(cut > 0 ? cut : length)].TrimEnd(',', ';', ':', '.') + "…";
    }
}
