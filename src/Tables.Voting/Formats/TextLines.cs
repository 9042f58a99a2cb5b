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
