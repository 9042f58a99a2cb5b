using System.Text;

namespace Tables.Reports.Pdf;

/// <summary>
/// Greedy line breaking at spaces only: a word is never cut and nothing is hyphenated. Only a token wider than the
/// line (a web address) is cut, after a character where a reader expects a break (/ - . _ ? &amp; = #), and as a last
/// resort between two characters. No-break spaces (U+00A0, U+202F) keep French punctuation with its word.
/// </summary>
internal static class LineBreaker
{
    private const string SafeBreaksAfter = "/-._?&=#,;:";

    public static Word[] Words(Paragraph paragraph, LayoutContext context)
    {
        var words = new List<Word>();
        var segments = new List<Segment>();
        var current = new StringBuilder();
        var currentSpan = -1;
        var spaceBefore = 0f;
        var spaceSpan = 0;
        var breakBefore = false;
        var wordWidth = 0f;

        void FlushSegment()
        {
            if (current.Length > 0)
            {
                var style = paragraph.Spans[currentSpan].Style;
                var text = current.ToString();
                var width = ReportFonts.Measure(style.Face, text) * style.Size;
                segments.Add(new Segment(currentSpan, text, width));
                wordWidth += width;
                current.Clear();
            }
        }

        void FlushWord()
        {
            FlushSegment();
            if (segments.Count > 0)
            {
                words.Add(new Word { Segments = [.. segments], Width = wordWidth, SpaceBefore = spaceBefore, SpaceSpan = spaceSpan, BreakBefore = breakBefore });
                segments.Clear();
                wordWidth = 0;
                spaceBefore = 0;
                breakBefore = false;
            }
        }

        for (var s = 0; s < paragraph.Spans.Count; s++)
        {
            var span = paragraph.Spans[s];
            var text = span.Kind switch
            {
                SpanKind.PageNumber => context.Culture.Number(context.PageNumber),
                SpanKind.TotalPages => context.Culture.Number(context.TotalPages),
                _ => context.Culture.Typeset(span.Text),
            };
            if (currentSpan != s)
            {
                FlushSegment();
                currentSpan = s;
            }
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    FlushWord();
                    breakBefore = true;
                    spaceBefore = 0;
                }
                else if (c is ' ' or '\t' or '\u200B')
                {
                    FlushWord();
                    if (!breakBefore && words.Count > 0 && c != '\u200B')
                    {
                        spaceBefore = ReportFonts.Measure(span.Style.Face, " ") * span.Style.Size;
                        spaceSpan = s;
                    }
                }
                else
                {
                    current.Append(c);
                }
            }
        }
        FlushWord();
        return [.. words];
    }

    public static TextLine[] Break(Paragraph paragraph, Word[] words, float width)
    {
        var lines = new List<TextLine>();
        var line = new LineBuilder(paragraph);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (line.IsEmpty)
            {
                line.Start(i);
            }
            else if (word.BreakBefore || line.Width + word.SpaceBefore + word.Width > width + 0.01f)
            {
                lines.Add(line.Finish());
                line.Start(i);
            }
            if (line.IsEmpty && word.Width > width + 0.01f)
            {
                foreach (var piece in Cut(paragraph, word, width))
                {
                    if (!line.IsEmpty)
                    {
                        lines.Add(line.Finish());
                        line.Start(i);
                    }
                    line.Add(piece, withSpace: false);
                }
                continue;
            }
            line.Add(word, withSpace: !line.IsEmpty);
        }
        if (!line.IsEmpty)
        {
            lines.Add(line.Finish());
        }
        return [.. lines];
    }

    /// <summary>Cuts a token wider than the line into pieces that fit, preferably after a safe character.</summary>
    private static IEnumerable<Word> Cut(Paragraph paragraph, Word word, float width)
    {
        var chars = new List<(int Span, char C, float W)>();
        foreach (var segment in word.Segments)
        {
            var style = paragraph.Spans[segment.Span].Style;
            foreach (var c in segment.Text)
            {
                chars.Add((segment.Span, c, ReportFonts.Measure(style.Face, [c]) * style.Size));
            }
        }
        var start = 0;
        while (start < chars.Count)
        {
            var used = 0f;
            var end = start;
            var safe = -1;
            while (end < chars.Count && (end == start || used + chars[end].W <= width))
            {
                used += chars[end].W;
                if (SafeBreaksAfter.Contains(chars[end].C))
                {
                    safe = end + 1;
                }
                end++;
            }
            if (end < chars.Count && safe > start)
            {
                end = safe;
            }
            yield return Piece(chars, start, end);
            start = end;
        }
    }

    private static Word Piece(List<(int Span, char C, float W)> chars, int start, int end)
    {
        var segments = new List<Segment>();
        var text = new StringBuilder();
        var width = 0f;
        var total = 0f;
        for (var k = start; k < end; k++)
        {
            if (k > start && chars[k].Span != chars[k - 1].Span)
            {
                segments.Add(new Segment(chars[k - 1].Span, text.ToString(), width));
                text.Clear();
                width = 0;
            }
            text.Append(chars[k].C);
            width += chars[k].W;
            total += chars[k].W;
        }
        segments.Add(new Segment(chars[end - 1].Span, text.ToString(), width));
        return new Word { Segments = segments, Width = total };
    }

    /// <summary>Builds one line's runs: consecutive text of one span becomes one run (one PDF text object).</summary>
    private sealed class LineBuilder(Paragraph paragraph)
    {
        private readonly List<Run> _runs = [];
        private readonly StringBuilder _text = new();
        private int _runSpan = -1;
        private float _runX;
        private int _firstWord;

        public float Width { get; private set; }
        public bool IsEmpty => _runs.Count == 0 && _text.Length == 0;

        public void Start(int firstWord)
        {
            _firstWord = firstWord;
            Width = 0;
        }

        public void Add(Word word, bool withSpace)
        {
            if (withSpace && word.SpaceBefore > 0)
            {
                Append(word.SpaceSpan, " ", word.SpaceBefore);
            }
            foreach (var segment in word.Segments)
            {
                Append(segment.Span, segment.Text, segment.Width);
            }
        }

        public TextLine Finish()
        {
            CloseRun();
            var height = 0f;
            var baseline = 0f;
            foreach (var run in _runs)
            {
                var style = paragraph.Spans[run.Span].Style;
                var lineHeight = style.Size * style.LineHeight;
                var ascent = FontMetrics.Ascent(style.Face) * style.Size;
                var content = ascent + FontMetrics.Descent(style.Face) * style.Size;
                height = Math.Max(height, lineHeight);
                baseline = Math.Max(baseline, (lineHeight - content) / 2 + ascent);
            }
            var line = new TextLine { Runs = [.. _runs], FirstWord = _firstWord, Width = Width, Height = height, Baseline = baseline };
            _runs.Clear();
            Width = 0;
            return line;
        }

        private void Append(int span, string text, float width)
        {
            if (span != _runSpan)
            {
                CloseRun();
                _runSpan = span;
                _runX = Width;
            }
            _text.Append(text);
            Width += width;
        }

        private void CloseRun()
        {
            if (_text.Length > 0)
            {
                _runs.Add(new Run(_runSpan, _text.ToString(), _runX, Width - _runX));
                _text.Clear();
            }
            _runSpan = -1;
        }
    }
}
