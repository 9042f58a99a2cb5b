namespace Tables.Voting;

/// <summary>
/// The lines of a text read in chunks, so that a file is never held whole: <see cref="FillAsync"/> reads the next
/// chunk, then <see cref="TryTake"/> gives each complete line (without its "\n" and a "\r" before it) as a span that
/// stays valid until the next <see cref="FillAsync"/>. Once the text is exhausted the last line is given even without
/// a final "\n". A line longer than the buffer makes it grow.
/// </summary>
internal sealed class TextLines(TextReader reader, int bufferSize = 64 * 1024)
{
    private char[] _buffer = new char[bufferSize];
    private int _start;
    private int _end;
    private bool _exhausted;

    /// <summary>Reads more text; false once the text is exhausted and every line has been taken.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_exhausted)
        {
            return false;
        }
        if (_start > 0)
        {
            // Keep the part of a line that has no end yet.
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = await reader.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        _exhausted = read == 0;
        return true;
    }

    public bool TryTake(out ReadOnlySpan<char> line)
    {
        var rest = _buffer.AsSpan(_start, _end - _start);
        var end = rest.IndexOf('\n');
        if (end < 0)
        {
            if (!_exhausted || rest.IsEmpty)
            {
                line = default;
                return false;
            }
            end = rest.Length;
        }
        line = rest[..end];
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }
        _start = Math.Min(_start + end + 1, _end);
        return true;
    }
}

/// <summary>
/// Ordinal string keys that can be looked up by span, hashed with the randomized string hash: lines of a ballot file
/// are much alike ("1:o3&gt;o7&gt;o1…"), and the default ordinal comparer's hash puts many of them in the same bucket.
/// </summary>
internal sealed class LineComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
{
    public static LineComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);
    public int GetHashCode(string obj) => string.GetHashCode(obj.AsSpan());
    public bool Equals(ReadOnlySpan<char> alternate, string other) => alternate.SequenceEqual(other);
    public int GetHashCode(ReadOnlySpan<char> alternate) => string.GetHashCode(alternate);
    public string Create(ReadOnlySpan<char> alternate) => alternate.ToString();
}

/// <summary>
/// Lines of a ballot file already read, with the ballot each gave: a file of one ballot per line repeats the same lines
/// many times, and a line found here is not read again. Bounded (<see cref="MaxLines"/>), so that a file of lines that
/// all differ does not keep them all; looked up only while at least one line in four is found.
/// </summary>
internal sealed class SeenLines
{
    public const int MaxLines = 1 << 16;
    private const int Window = 1 << 14;

    private readonly Dictionary<string, (int Ballot, long Count)> _lines = new(LineComparer.Instance);
    private readonly Dictionary<string, (int Ballot, long Count)>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private bool _paysOff = true;
    private int _lookups;
    private int _hits;

    public SeenLines() => _bySpan = _lines.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Adds the line's count to the ballot it gave before; false when the line is not known (or not looked up).</summary>
    public bool TryRepeat(ReadOnlySpan<char> line, FileBallots ballots)
    {
        if (!_paysOff || line.IsEmpty)
        {
            return false;
        }
        if (_bySpan.TryGetValue(line, out var known))
        {
            ballots.Repeat(known.Ballot, known.Count);
            _hits++;
            return true;
        }
        if (++_lookups == Window)
        {
            // Lines that seldom repeat: stop looking them up.
            _paysOff = _hits * 4 >= _lookups;
            _lookups = _hits = 0;
        }
        return false;
    }

    /// <summary>Remembers a line read without error and the ballot it gave.</summary>
    public void Remember(ReadOnlySpan<char> line, int ballot, long count)
    {
        if (_paysOff && !line.IsEmpty && _lines.Count < MaxLines)
        {
            _bySpan[line] = (ballot, count);
        }
    }
}
