namespace Tables.Voting;

/// <summary>
/// CSV records (RFC 4180) read from <see cref="TextLines"/> without a string per cell: fields are spans of an internal
/// buffer, valid until the next <see cref="ReadAsync"/>. The separator (comma, semicolon or tab) is the one the first
/// record uses most outside quotes. Fields are trimmed outside quotes; <c>""</c> in a quoted field is a quote; a quoted
/// field may go on over several lines. Empty lines are skipped. A quote inside an unquoted field, or text after a
/// closing quote, sets <see cref="BadData"/> (the record is still given). A line without quotes is split into fields
/// only when a field is asked for: a reader that knows the line already (<see cref="Raw"/>) skips that work.
/// </summary>
internal sealed class CsvRecords(TextLines lines)
{
    private readonly List<(int Start, int Length)> _fields = [];
    private char[] _text = new char[256];
    private int _used;
    private char[] _raw = new char[256];
    private int _rawLength;
    private bool _inQuotes;
    private bool _unsplit;
    private int _quotedStart;
    private int _physicalLines;

    /// <summary>The separator, once the first record is read.</summary>
    public char Separator { get; private set; }

    /// <summary>The line (1-based) where the current record ends.</summary>
    public int Line { get; private set; }

    public bool BadData { get; private set; }

    public int Count
    {
        get
        {
            Split();
            return _fields.Count;
        }
    }

    public ReadOnlySpan<char> this[int field]
    {
        get
        {
            Split();
            return _text.AsSpan(_fields[field].Start, _fields[field].Length);
        }
    }

    /// <summary>The record's text as it was written, when it is one line; empty otherwise.</summary>
    public ReadOnlySpan<char> Raw => _raw.AsSpan(0, _rawLength);

    /// <summary>Reads the next record; false at the end of the text.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        _fields.Clear();
        _used = 0;
        _rawLength = 0;
        _unsplit = false;
        BadData = false;
        var lineCount = 0;
        while (true)
        {
            while (lines.TryTake(out var line))
            {
                _physicalLines++;
                if (lineCount == 0 && line.IsEmpty)
                {
                    continue;
                }
                if (Separator == default)
                {
                    Separator = Detect(line);
                }
                lineCount++;
                if (lineCount == 1)
                {
                    Keep(ref _raw, line.Length);
                    line.CopyTo(_raw);
                    _rawLength = line.Length;
                    if (!line.Contains('"'))
                    {
                        // One line, no quotes: split it when a field is asked for.
                        _unsplit = true;
                        Line = _physicalLines;
                        return true;
                    }
                }
                else
                {
                    _rawLength = 0;
                }
                if (Parse(line))
                {
                    Line = _physicalLines;
                    return true;
                }
            }
            if (!await lines.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                if (lineCount == 0)
                {
                    return false;
                }
                // The text ends inside a quoted field.
                _fields.Add((_quotedStart, _used - _quotedStart));
                _inQuotes = false;
                BadData = true;
                Line = _physicalLines;
                return true;
            }
        }
    }

    private void Split()
    {
        if (_unsplit)
        {
            _unsplit = false;
            Parse(_raw.AsSpan(0, _rawLength));
        }
    }

    /// <summary>Adds a line's fields; true when the record ends with this line (no quoted field left open).</summary>
    private bool Parse(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (_inQuotes)
        {
            Append('\n');
        }
        while (true)
        {
            if (!_inQuotes)
            {
                while (i < s.Length && IsBlank(s[i]))
                {
                    i++;
                }
                if (i < s.Length && s[i] == '"')
                {
                    i++;
                    _inQuotes = true;
                    _quotedStart = _used;
                }
                else
                {
                    var start = i;
                    while (i < s.Length && s[i] != Separator)
                    {
                        BadData |= s[i] == '"';
                        i++;
                    }
                    var end = i;
                    while (end > start && IsBlank(s[end - 1]))
                    {
                        end--;
                    }
                    _fields.Add((_used, end - start));
                    Append(s[start..end]);
                    if (i == s.Length)
                    {
                        return true;
                    }
                    i++;
                    continue;
                }
            }
            // Inside quotes: up to the closing quote ("" is a quote).
            while (i < s.Length)
            {
                var quote = s[i..].IndexOf('"');
                if (quote < 0)
                {
                    Append(s[i..]);
                    return false;
                }
                Append(s.Slice(i, quote));
                i += quote + 1;
                if (i < s.Length && s[i] == '"')
                {
                    Append('"');
                    i++;
                    continue;
                }
                _inQuotes = false;
                _fields.Add((_quotedStart, _used - _quotedStart));
                while (i < s.Length && IsBlank(s[i]))
                {
                    i++;
                }
                if (i == s.Length)
                {
                    return true;
                }
                if (s[i] != Separator)
                {
                    // Text after the closing quote: keep the field, skip to the next separator.
                    BadData = true;
                    var next = s[i..].IndexOf(Separator);
                    if (next < 0)
                    {
                        return true;
                    }
                    i += next;
                }
                i++;
                break;
            }
            if (_inQuotes)
            {
                return false;
            }
        }
    }

    /// <summary>Spaces around a field are not part of it (nor tabs, unless they separate fields).</summary>
    private bool IsBlank(char c) => c == ' ' || (c == '\t' && Separator != '\t');

    /// <summary>Comma, semicolon or tab: the one the line uses most outside quotes (comma when none).</summary>
    private static char Detect(ReadOnlySpan<char> line)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in line)
        {
            quoted ^= c == '"';
            if (!quoted)
            {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    private void Append(char c)
    {
        Keep(ref _text, _used + 1);
        _text[_used++] = c;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        Keep(ref _text, _used + text.Length);
        text.CopyTo(_text.AsSpan(_used));
        _used += text.Length;
    }

    private static void Keep(ref char[] buffer, int size)
    {
        if (size > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(size, buffer.Length * 2));
        }
    }
}
