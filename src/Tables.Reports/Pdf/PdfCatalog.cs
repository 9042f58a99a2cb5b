using System.Globalization;
using System.Text;

namespace Tables.Reports.Pdf;

/// <summary>
/// Adds to Skia's PDF what SkiaSharp cannot ask for: the document language (/Lang, read by screen readers), the
/// bookmarks (/Outlines, opened by viewers) and "show the title, not the file name". Written as a PDF incremental
/// update (ISO 32000-1 §7.5.6): a new version of the catalog and the bookmark objects appended after Skia's bytes,
/// with their own cross-reference section pointing back to Skia's — nothing Skia wrote is rewritten.
/// </summary>
internal static class PdfCatalog
{
    public static void AppendUpdate(MemoryStream skiaPdf, Stream output, string language, IReadOnlyList<OutlineEntry> bookmarks)
    {
        var bytes = skiaPdf.GetBuffer().AsSpan(0, (int)skiaPdf.Length);
        var tail = Encoding.Latin1.GetString(bytes[Math.Max(0, bytes.Length - 1024)..]);
        var trailer = tail[tail.LastIndexOf("trailer", StringComparison.Ordinal)..];
        var root = Reference(trailer, "/Root");
        var info = Reference(trailer, "/Info");
        var size = (int)Number(trailer, "/Size");
        var startxref = Number(trailer, "startxref");
        var catalog = CatalogDictionary(bytes, root);

        output.Write(bytes);
        var offset = (long)bytes.Length;
        var objects = new List<(int Number, long Offset)>();
        var text = new StringBuilder();

        void Write(int number, string body)
        {
            text.Clear().Append('\n').Append(number).Append(" 0 obj\n").Append(body).Append("\nendobj\n");
            var data = Encoding.Latin1.GetBytes(text.ToString());
            objects.Add((number, offset + 1));
            output.Write(data);
            offset += data.Length;
        }

        var extra = new StringBuilder(catalog);
        extra.Append("\n/Lang ").Append(PdfString(language)).Append("\n/ViewerPreferences <</DisplayDocTitle true>>");
        var next = size;
        if (bookmarks.Count > 0)
        {
            var outlineRoot = next++;
            var numbers = Enumerable.Range(next, bookmarks.Count).ToArray();
            next += bookmarks.Count;
            extra.Append("\n/Outlines ").Append(outlineRoot).Append(" 0 R\n/PageMode /UseOutlines");
            Write(root, "<<" + extra + ">>");
            WriteOutline(Write, outlineRoot, bookmarks, numbers);
        }
        else
        {
            Write(root, "<<" + extra + ">>");
        }

        var xref = new StringBuilder("\nxref\n");
        foreach (var (number, at) in objects.OrderBy(o => o.Number))
        {
            xref.Append(number).Append(" 1\n").Append(at.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }
        xref.Append("trailer\n<</Size ").Append(next).Append("\n/Root ").Append(root).Append(" 0 R");
        if (info > 0)
        {
            xref.Append("\n/Info ").Append(info).Append(" 0 R");
        }
        xref.Append("\n/Prev ").Append(startxref).Append(">>\nstartxref\n").Append(offset + 1).Append("\n%%EOF\n");
        output.Write(Encoding.Latin1.GetBytes(xref.ToString()));
    }

    /// <summary>Bookmarks nested by level: each entry's parent is the closest entry above it with a lower level.</summary>
    private static void WriteOutline(Action<int, string> write, int rootNumber, IReadOnlyList<OutlineEntry> entries, int[] numbers)
    {
        var parent = new int[entries.Count];
        var children = new List<int>[entries.Count];
        var top = new List<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            children[i] = [];
            parent[i] = -1;
            for (var j = i - 1; j >= 0; j--)
            {
                if (entries[j].Level < entries[i].Level)
                {
                    parent[i] = j;
                    break;
                }
            }
            (parent[i] < 0 ? top : children[parent[i]]).Add(i);
        }
        write(rootNumber, $"<</Type /Outlines\n/First {numbers[top[0]]} 0 R\n/Last {numbers[top[^1]]} 0 R\n/Count {top.Count}>>");
        for (var i = 0; i < entries.Count; i++)
        {
            var siblings = parent[i] < 0 ? top : children[parent[i]];
            var index = siblings.IndexOf(i);
            var body = new StringBuilder("<</Title ").Append(PdfString(entries[i].Title))
                .Append("\n/Parent ").Append(parent[i] < 0 ? rootNumber : numbers[parent[i]]).Append(" 0 R")
                .Append("\n/Dest /").Append(entries[i].Section);
            if (index > 0)
            {
                body.Append("\n/Prev ").Append(numbers[siblings[index - 1]]).Append(" 0 R");
            }
            if (index < siblings.Count - 1)
            {
                body.Append("\n/Next ").Append(numbers[siblings[index + 1]]).Append(" 0 R");
            }
            if (children[i].Count > 0)
            {
                // Negative count: the chapter opens closed, as in most report viewers.
                body.Append("\n/First ").Append(numbers[children[i][0]]).Append(" 0 R\n/Last ")
                    .Append(numbers[children[i][^1]]).Append(" 0 R\n/Count -").Append(children[i].Count);
            }
            write(numbers[i], body.Append(">>").ToString());
        }
    }

    /// <summary>The inside of the catalog's dictionary as Skia wrote it (/Type, /Pages, /Dests…).</summary>
    private static string CatalogDictionary(ReadOnlySpan<byte> pdf, int root)
    {
        var marker = Encoding.Latin1.GetBytes($"\n{root} 0 obj\n");
        var at = pdf.LastIndexOf(marker);
        if (at < 0)
        {
            throw new InvalidOperationException("The PDF's catalog was not found.");
        }
        var start = at + marker.Length;
        var end = pdf[start..].IndexOf("endobj"u8);
        var dictionary = Encoding.Latin1.GetString(pdf.Slice(start, end)).Trim();
        if (!dictionary.StartsWith("<<", StringComparison.Ordinal) || !dictionary.EndsWith(">>", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The PDF's catalog is not a dictionary.");
        }
        return dictionary[2..^2];
    }

    /// <summary>A text string as UTF-16BE hex (any language, no escaping).</summary>
    private static string PdfString(string text) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    private static int Reference(string trailer, string key)
    {
        var at = trailer.IndexOf(key, StringComparison.Ordinal);
        return at < 0 ? 0 : (int)Number(trailer, key);
    }

    private static long Number(string text, string key)
    {
        var at = text.IndexOf(key, StringComparison.Ordinal) + key.Length;
        while (at < text.Length && !char.IsAsciiDigit(text[at]))
        {
            at++;
        }
        var end = at;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }
        return long.Parse(text.AsSpan(at, end - at), CultureInfo.InvariantCulture);
    }
}
