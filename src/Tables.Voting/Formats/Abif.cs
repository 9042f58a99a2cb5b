using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tables.Voting;

/// <summary>
/// Reads and writes the Aggregated Ballot Information Format (ABIF) of the electorama abiftool project:
/// metadata lines (<c>{"title": "…"}</c>), option declarations (<c>=tok:[Full name]</c>), counted ballot lines
/// (<c>26:A&gt;B=C&gt;D</c>, <c>12:A/5&gt;B/3&gt;C/0</c>, <c>7:A/5,B/3</c>, <c>500:</c> for blank ballots) and comments
/// (<c>#</c>). Tables adds one comment extension that other tools ignore: <c>##{"group":"…","weight":0.5}</c> at the
/// end of a ballot line. See docs/VOTING.md for how each method reads a line.
/// </summary>
public static class Abif
{
    /// <summary>Reads ABIF text for <paramref name="method"/>. Any error (with its line and column) imports nothing.</summary>
    /// <exception cref="VotingException">The file has errors (up to <see cref="VotingException.MaxErrors"/> are reported).</exception>
    public static BallotFile Read(string text, VotingMethod method)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new AbifReader(text, method).Read();
    }

    /// <summary>Writes options and ballots as ABIF. Ranked ballots keep their order; rated ballots are written best
    /// value first with their ratings (<c>A/5&gt;B/3=C/3</c>), so ranking tools read them too.</summary>
    public static string Write(IReadOnlyList<OptionDeclaration> options, IEnumerable<Ballot> ballots,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ballots);
        var text = new StringBuilder();
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            text.Append('{').Append(JsonSerializer.Serialize(key)).Append(": ").Append(JsonSerializer.Serialize(value)).Append("}\n");
        }
        foreach (var option in options)
        {
            text.Append('=').Append(WriteToken(option.Token)).Append(':');
            if (option.Name is { } name)
            {
                if (name.Contains(']') || name.Any(char.IsControl))
                {
                    throw new VotingException(ErrorCodes.AbifNotWritable, ("option", option.Token));
                }
                text.Append('[').Append(name).Append(']');
            }
            text.Append('\n');
        }
        foreach (var ballot in ballots)
        {
            text.Append(ballot.Count.ToString(CultureInfo.InvariantCulture)).Append(':');
            if (ballot.Ranking.Count > 0)
            {
                text.AppendJoin('>', ballot.Ranking.Select(g => string.Join('=', g.Select(WriteToken))));
            }
            else
            {
                var values = ballot.Values.Select((v, i) => (v.Key, v.Value, i)).OrderByDescending(v => v.Value).ThenBy(v => v.i).ToArray();
                for (var k = 0; k < values.Length; k++)
                {
                    if (k > 0)
                    {
                        text.Append(values[k].Value == values[k - 1].Value ? '=' : '>');
                    }
                    text.Append(WriteToken(values[k].Key)).Append('/').Append(values[k].Value.ToString(CultureInfo.InvariantCulture));
                }
            }
            if (ballot.Weight != 1m || ballot.Group is not null)
            {
                var extension = new Dictionary<string, object>();
                if (ballot.Group is { } group)
                {
                    extension["group"] = group;
                }
                if (ballot.Weight != 1m)
                {
                    extension["weight"] = ballot.Weight;
                }
                text.Append(" ##").Append(JsonSerializer.Serialize(extension));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A bare token when it is plain ASCII letters, digits, '_' and '-'; else in brackets or quotes.</summary>
    internal static string WriteToken(string token)
    {
        if (token.Length > 0 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return token;
        }
        if (!token.Contains(']'))
        {
            return "[" + token + "]";
        }
        if (!token.Contains('"'))
        {
            return "\"" + token + "\"";
        }
        throw new VotingException(ErrorCodes.AbifNotWritable, ("option", token));
    }
}

/// <summary>One pass over the text, collecting errors; ballots are built once the options are known.</summary>
internal sealed class AbifReader(string text, VotingMethod method)
{
    private readonly List<VotingError> _errors = [];
    private readonly List<OptionDeclaration> _declared = [];
    private readonly Dictionary<string, int> _known = new(StringComparer.Ordinal);
    private readonly List<string> _undeclared = [];
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private readonly List<Ballot> _ballots = [];
    private readonly List<(int Line, int Start)> _where = [];
    private bool _sawBallot;

    private readonly record struct Item(string Token, int? Rating, int Column);

    public BallotFile Read()
    {
        var lineNumber = 0;
        var start = 0;
        while (start <= text.Length && _errors.Count < VotingException.MaxErrors)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }
            lineNumber++;
            var length = end - start;
            if (length > 0 && text[end - 1] == '\r')
            {
                length--;
            }
            ReadLine(lineNumber, start, length);
            start = end + 1;
        }
        if (_errors.Count > 0)
        {
            throw new VotingException(_errors);
        }
        var options = _declared.Concat(_undeclared.Select(t => new OptionDeclaration(t))).ToArray();
        return new BallotFile(options, _ballots, _metadata, Locate);
    }

    private void Error(string code, int line, int column, params (string Name, object? Value)[] arguments)
    {
        if (_errors.Count < VotingException.MaxErrors)
        {
            _errors.Add(new VotingError(code, arguments.ToDictionary(a => a.Name, a => a.Value), line, column));
        }
    }

    private void ReadLine(int line, int start, int length)
    {
        var s = text.AsSpan(start, length);
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
                var comment = commentAt < 0 ? ReadOnlySpan<char>.Empty : s[commentAt..];
                ReadBallot(content.ToString(), comment.ToString(), line, column, start, commentAt);
                break;
        }
    }

    /// <summary>The first '#' outside brackets and quotes, or −1.</summary>
    private static int CommentStart(ReadOnlySpan<char> s)
    {
        var inBracket = false;
        var inQuote = false;
        for (var i = 0; i < s.Length; i++)
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
        var token = ReadToken(content, ref i, line, column, stopAtColon: true);
        if (token is null)
        {
            return;
        }
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
        if (!_known.TryAdd(token, _known.Count))
        {
            Error(ErrorCodes.DuplicateOption, line, tokenColumn, ("option", token));
            return;
        }
        _declared.Add(new OptionDeclaration(token, name.Length == 0 ? null : name));
    }

    private void ReadBallot(string content, string comment, int line, int column, int lineStart, int commentAt)
    {
        _sawBallot = true;
        var i = 0;
        while (i < content.Length && char.IsAsciiDigit(content[i]))
        {
            i++;
        }
        if (i == 0 || i >= content.Length || content[i] != ':')
        {
            if (i > 0 && i < content.Length && content[i] == '*')
            {
                Error(ErrorCodes.AbifSyntax, line, column + i, ("expected", ":"), ("found", "*"));
            }
            else
            {
                Error(i == 0 ? ErrorCodes.AbifBadCount : ErrorCodes.AbifSyntax, line, column + i, ("expected", ":"),
                    ("found", i < content.Length ? content[i].ToString() : ""));
            }
            return;
        }
        if (!long.TryParse(content.AsSpan(0, i), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || count > BallotValidator.MaxCount)
        {
            Error(ErrorCodes.AbifBadCount, line, column, ("max", BallotValidator.MaxCount));
            return;
        }
        i++;
        var items = new List<Item>();
        var separators = new List<char>();
        SkipSpaces(content, ref i);
        while (i < content.Length)
        {
            var itemColumn = column + i;
            if (content[i] is '>' or '=' or ',' or '/')
            {
                Error(ErrorCodes.AbifExpectedOption, line, itemColumn, ("found", content[i].ToString()));
                return;
            }
            var token = ReadToken(content, ref i, line, column, stopAtColon: false);
            if (token is null)
            {
                return;
            }
            if (token.Length == 0)
            {
                // An empty name ("[]" or "\"\"") or a character that cannot start one.
                Error(ErrorCodes.AbifExpectedOption, line, itemColumn, ("found", i < content.Length ? content[i].ToString() : ""));
                return;
            }
            SkipSpaces(content, ref i);
            int? rating = null;
            if (i < content.Length && content[i] == '/')
            {
                i++;
                SkipSpaces(content, ref i);
                var digits = i;
                while (i < content.Length && char.IsAsciiDigit(content[i]))
                {
                    i++;
                }
                if (digits == i || !int.TryParse(content.AsSpan(digits, i - digits), NumberStyles.None, CultureInfo.InvariantCulture, out var r))
                {
                    Error(ErrorCodes.AbifBadRating, line, column + digits);
                    return;
                }
                rating = r;
                SkipSpaces(content, ref i);
            }
            items.Add(new Item(token, rating, itemColumn));
            if (i >= content.Length)
            {
                break;
            }
            var separator = content[i];
            if (separator is not ('>' or '=' or ','))
            {
                Error(ErrorCodes.AbifSyntax, line, column + i, ("expected", "> = ,"), ("found", separator.ToString()));
                return;
            }
            if (separators.Count > 0 && (separator == ',') != (separators[0] == ','))
            {
                Error(ErrorCodes.AbifMixedSeparators, line, column + i);
                return;
            }
            separators.Add(separator);
            i++;
            SkipSpaces(content, ref i);
            if (i >= content.Length)
            {
                Error(ErrorCodes.AbifExpectedOption, line, column + i, ("found", ""));
                return;
            }
        }
        foreach (var item in items)
        {
            if (_known.ContainsKey(item.Token))
            {
                continue;
            }
            if (_declared.Count > 0)
            {
                Error(ErrorCodes.AbifUndeclaredOption, line, item.Column, ("option", item.Token));
                return;
            }
            if (!OptionList.IsValidToken(item.Token))
            {
                Error(ErrorCodes.InvalidOptionToken, line, item.Column, ("option", item.Token), ("max", OptionList.MaxTokenLength));
                return;
            }
            _known[item.Token] = _known.Count;
            _undeclared.Add(item.Token);
        }
        var (weight, group) = ReadExtension(comment, line, column + (commentAt - (column - 1)));
        var ballot = Build(items, separators, line);
        if (ballot is null)
        {
            return;
        }
        _ballots.Add(ballot with { Count = count, Weight = weight ?? 1m, Group = group });
        _where.Add((line, lineStart));
    }

    private Ballot? Build(List<Item> items, List<char> separators, int line)
    {
        if (items.Count == 0)
        {
            return Ballot.Blank;
        }
        var commas = separators.Count > 0 && separators[0] == ',';
        try
        {
            if (method.Kind() == BallotKind.Ranked)
            {
                if (commas || (separators.Count == 0 && items[0].Rating is not null && items.Count > 1))
                {
                    // Ratings only: the higher rating ranks first, equal ratings tie.
                    if (items.FirstOrDefault(it => it.Rating is null) is { Token: not null } missing)
                    {
                        Error(ErrorCodes.AbifRatingsRequired, line, missing.Column, ("option", missing.Token), ("method", method.Token()));
                        return null;
                    }
                    return Ballot.Ranked(items.GroupBy(it => it.Rating!.Value).OrderByDescending(g => g.Key).Select(g => g.Select(it => it.Token)));
                }
                var groups = new List<List<string>> { new() { items[0].Token } };
                for (var k = 1; k < items.Count; k++)
                {
                    if (separators[k - 1] == '>')
                    {
                        groups.Add([]);
                    }
                    groups[^1].Add(items[k].Token);
                }
                return Ballot.Ranked(groups);
            }
            var choice = method is VotingMethod.Plurality or VotingMethod.Approval;
            if (!choice && items.FirstOrDefault(it => it.Rating is null) is { Token: not null } unrated)
            {
                Error(ErrorCodes.AbifRatingsRequired, line, unrated.Column, ("option", unrated.Token), ("method", method.Token()));
                return null;
            }
            var marked = items;
            if (method == VotingMethod.Plurality && items.All(it => it.Rating is null))
            {
                // A ranking counted by plurality: its first choice (the first tie group).
                var firstGroup = separators.TakeWhile(c => c == '=').Count() + 1;
                marked = items.Take(firstGroup).ToList();
            }
            return Ballot.Rated(marked.Select(it => KeyValuePair.Create(it.Token, it.Rating ?? 1)));
        }
        catch (VotingException e)
        {
            var token = e.Error.Arguments.TryGetValue("option", out var o) ? o as string : null;
            var at = items.FirstOrDefault(it => it.Token == token).Column;
            _errors.Add(e.Error.At(line, at == 0 ? items[0].Column : at));
            return null;
        }
    }

    /// <summary>Tables' extension in a ballot line's comment: <c>##{"group":"…","weight":0.5}</c>.</summary>
    private (decimal? Weight, string? Group) ReadExtension(string comment, int line, int column)
    {
        if (!comment.StartsWith("##", StringComparison.Ordinal) || comment.Length < 3 || comment[2..].TrimStart() is not ['{', ..])
        {
            return (null, null);
        }
        try
        {
            using var document = JsonDocument.Parse(comment[2..]);
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
            return (weight, group);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            Error(ErrorCodes.AbifBadExtension, line, column);
            return (null, null);
        }
    }

    /// <summary>A bare token (letters, digits, '_', '-'), or one in [brackets] or "quotes". Null after an error.</summary>
    private string? ReadToken(string content, ref int i, int line, int column, bool stopAtColon)
    {
        if (i < content.Length && content[i] is '[' or '"')
        {
            var close = content[i] == '[' ? ']' : '"';
            var end = content.IndexOf(close, i + 1);
            if (end < 0)
            {
                Error(ErrorCodes.AbifUnclosed, line, column + i, ("expected", close.ToString()));
                return null;
            }
            var token = content[(i + 1)..end];
            i = end + 1;
            return token;
        }
        var start = i;
        while (i < content.Length && (char.IsLetterOrDigit(content[i]) || content[i] is '_' or '-' || (stopAtColon && content[i] is not (':' or ' ' or '\t'))))
        {
            i++;
        }
        return content[start..i];
    }

    private static void SkipSpaces(string content, ref int i)
    {
        while (i < content.Length && char.IsWhiteSpace(content[i]))
        {
            i++;
        }
    }

    /// <summary>Places a count error at the ballot's line, and at the option's column when the error names one.</summary>
    private VotingError Locate(int index, VotingError error)
    {
        var (line, start) = _where[index];
        var end = text.IndexOf('\n', start);
        var source = end < 0 ? text[start..] : text[start..end];
        var column = source.IndexOf(':') + 2;
        if (error.Arguments.TryGetValue("option", out var o) && o is string token && token.Length > 0)
        {
            var at = FindToken(source, token);
            if (at >= 0)
            {
                column = at + 1;
            }
        }
        return error.At(line, column);
    }

    private static int FindToken(string source, string token)
    {
        foreach (var form in new[] { "[" + token + "]", "\"" + token + "\"" })
        {
            var at = source.IndexOf(form, StringComparison.Ordinal);
            if (at >= 0)
            {
                return at;
            }
        }
        var colon = source.IndexOf(':');
        for (var at = source.IndexOf(token, colon + 1, StringComparison.Ordinal); at >= 0; at = source.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ':' : source[at - 1];
            var after = at + token.Length < source.Length ? source[at + token.Length] : '>';
            if (!(char.IsLetterOrDigit(before) || before is '_' or '-') && !(char.IsLetterOrDigit(after) || after is '_' or '-'))
            {
                return at;
            }
        }
        return -1;
    }
}
