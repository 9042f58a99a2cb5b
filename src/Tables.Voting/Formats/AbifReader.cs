using System.Text.Json;

namespace Tables.Voting;

/// <summary>
/// Reads ABIF line by line from a stream of text, collecting errors (up to <see cref="VotingException.MaxErrors"/>);
/// each ballot line goes straight into a <see cref="FileBallots"/>, merged with the identical ones before it, so a
/// file is never held whole. Grammar and how each method reads a line: docs/VOTING.md. This part reads the file's
/// lines, metadata, declarations, tokens and comments; AbifReader.BallotLines.cs reads ballot lines.
/// </summary>
internal sealed partial class AbifReader
{
    private const int MaxCachedExtensions = 1024;

    private readonly VotingMethod _method;
    private readonly List<VotingError> _errors = [];
    private readonly List<OptionDeclaration> _declared = [];
    private readonly Dictionary<string, int> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _knownBySpan;
    private readonly List<string> _undeclared = [];
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal? Weight, string? Group)> _extensions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal? Weight, string? Group)>.AlternateLookup<ReadOnlySpan<char>> _extensionsBySpan;
    private readonly FileBallots _ballots;
    private readonly SeenLines _lines = new();
    private bool _sawBallot;


    private AbifReader(VotingMethod method)
    {
        _method = method;
        _knownBySpan = _known.GetAlternateLookup<ReadOnlySpan<char>>();
        _extensionsBySpan = _extensions.GetAlternateLookup<ReadOnlySpan<char>>();
        _ballots = new FileBallots(method.Kind());
    }

    public static async Task<BallotFile> ReadAsync(TextReader text, VotingMethod method, CancellationToken cancellationToken,
        int bufferSize = 64 * 1024)
    {
        var reader = new AbifReader(method);
        var lines = new TextLines(text, bufferSize);
        var number = 0;
        while (reader._errors.Count < VotingException.MaxErrors && await lines.FillAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader._errors.Count < VotingException.MaxErrors && lines.TryTake(out var line))
            {
                reader.ReadLine(++number, line);
            }
        }
        if (reader._errors.Count > 0)
        {
            throw new VotingException(reader._errors);
        }
        reader._ballots.EndReading();
        var options = reader._declared.Concat(reader._undeclared.Select(t => new OptionDeclaration(t))).ToArray();
        return new BallotFile(options, reader._metadata, reader._ballots);
    }

    private void Error(string code, int line, int column, params (string Name, object? Value)[] arguments)
    {
        if (_errors.Count < VotingException.MaxErrors)
        {
            _errors.Add(new VotingError(code, arguments.ToDictionary(a => a.Name, a => a.Value), line, column));
        }
    }

    private void ReadLine(int line, ReadOnlySpan<char> s)
    {
        if (_lines.TryRepeat(s, _ballots))
        {
            return;
        }
        var commentAt = CommentStart(s);
        var content = commentAt < 0 ? s : s[..commentAt];
        var indent = 0;
        while (indent < content.Length && char.IsWhiteSpace(content[indent]))
        {
            indent++;
        }
        content = content[indent..].TrimEnd();
        if (content.IsEmpty)
        {
            return;
        }
        var column = indent + 1;
        switch (content[0])
        {
            case '{':
                ReadMetadata(content.ToString(), line, column);
                break;
            case '=':
                ReadDeclaration(content.ToString(), line, column);
                break;
            default:
                ReadBallot(s, content, commentAt < 0 ? default : s[commentAt..], line, column, commentAt + 1);
                break;
        }
    }

    /// <summary>The first '#' outside brackets and quotes, or −1.</summary>
    private static int CommentStart(ReadOnlySpan<char> s)
    {
        var first = s.IndexOfAny('#', '[', '"');
        if (first < 0 || s[first] == '#')
        {
            return first;
        }
        var inBracket = false;
        var inQuote = false;
        for (var i = first; i < s.Length; i++)
        {
            var c = s[i];
            if (inBracket)
            {
                inBracket = c != ']';
            }
            else if (inQuote)
            {
                inQuote = c != '"';
            }
            else if (c == '[')
            {
                inBracket = true;
            }
            else if (c == '"')
            {
                inQuote = true;
            }
            else if (c == '#')
            {
                return i;
            }
        }
        return -1;
    }

    private void ReadMetadata(string content, int line, int column)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException();
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                _metadata[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString() ?? ""
                    : property.Value.GetRawText();
            }
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // ArgumentException: text that is not valid UTF-16 (a lone surrogate) cannot be read as JSON.
            Error(ErrorCodes.AbifBadMetadata, line, column);
        }
    }

    private void ReadDeclaration(string content, int line, int column)
    {
        var i = 1;
        SkipSpaces(content, ref i);
        var tokenColumn = column + i;
        if (!ReadToken(content, ref i, line, column, stopAtColon: true, out var start, out var length))
        {
            return;
        }
        var token = content.Substring(start, length);
        SkipSpaces(content, ref i);
        if (i >= content.Length || content[i] != ':' || token.Length == 0)
        {
            Error(ErrorCodes.AbifBadDeclaration, line, column + i);
            return;
        }
        i++;
        var name = content[i..].Trim();
        if (name.StartsWith('['))
        {
            if (!name.EndsWith(']'))
            {
                Error(ErrorCodes.AbifUnclosed, line, column + content.IndexOf('[', i), ("expected", "]"));
                return;
            }
            name = name[1..^1];
        }
        if (_sawBallot)
        {
            Error(ErrorCodes.AbifBadDeclaration, line, column);
            return;
        }
        if (!OptionList.IsValidToken(token))
        {
            Error(ErrorCodes.InvalidOptionToken, line, tokenColumn, ("option", token), ("max", OptionList.MaxTokenLength));
            return;
        }
        if (_known.ContainsKey(token))
        {
            Error(ErrorCodes.DuplicateOption, line, tokenColumn, ("option", token));
            return;
        }
        if (_known.Count == Tally.MaxOptions)
        {
            Error(ErrorCodes.TooManyOptions, line, tokenColumn, ("count", Tally.MaxOptions + 1), ("max", Tally.MaxOptions));
            return;
        }
        _known[token] = _known.Count;
        _declared.Add(new OptionDeclaration(token, name.Length == 0 ? null : name));
    }

    /// <summary>Tables' extension in a ballot line's comment: <c>##{"group":"…","weight":0.5}</c>. The same comment on
    /// many lines is read once.</summary>
    private (decimal? Weight, string? Group) ReadExtension(ReadOnlySpan<char> comment, int line, int column)
    {
        if (!comment.StartsWith("##", StringComparison.Ordinal) || comment.Length < 3 || comment[2..].TrimStart() is not ['{', ..])
        {
            return (null, null);
        }
        var json = comment[2..];
        if (_extensionsBySpan.TryGetValue(json, out var known))
        {
            return known;
        }
        try
        {
            using var document = JsonDocument.Parse(json.ToString());
            decimal? weight = null;
            string? group = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "weight" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDecimal(out var w):
                        weight = w;
                        break;
                    case "group" when property.Value.ValueKind == JsonValueKind.String:
                        group = property.Value.GetString();
                        break;
                    default:
                        throw new JsonException();
                }
            }
            if (_extensions.Count < MaxCachedExtensions)
            {
                _extensions[json.ToString()] = (weight, group);
            }
            return (weight, group);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            Error(ErrorCodes.AbifBadExtension, line, column);
            return (null, null);
        }
    }

    /// <summary>A bare token (letters, digits, '_', '-'), or one in [brackets] or "quotes" (<paramref name="start"/> and
    /// <paramref name="length"/> without them). False after an error.</summary>
    private bool ReadToken(ReadOnlySpan<char> content, ref int i, int line, int column, bool stopAtColon, out int start, out int length)
    {
        if (i < content.Length && content[i] is '[' or '"')
        {
            var close = content[i] == '[' ? ']' : '"';
            var end = content[(i + 1)..].IndexOf(close);
            if (end < 0)
            {
                Error(ErrorCodes.AbifUnclosed, line, column + i, ("expected", close.ToString()));
                start = length = 0;
                return false;
            }
            start = i + 1;
            length = end;
            i = start + end + 1;
            return true;
        }
        start = i;
        while (i < content.Length && (char.IsLetterOrDigit(content[i]) || content[i] is '_' or '-' || (stopAtColon && content[i] is not (':' or ' ' or '\t'))))
        {
            i++;
        }
        length = i - start;
        return true;
    }

    private static void SkipSpaces(ReadOnlySpan<char> content, ref int i)
    {
        while (i < content.Length && char.IsWhiteSpace(content[i]))
        {
            i++;
        }
    }
}
