using System.Globalization;
using Tables.Voting.Counting;

namespace Tables.Voting;

/// <summary>Ballot lines: the count, the options with their ratings and separators, and the ballot as the method reads them.</summary>
internal sealed partial class AbifReader
{
    // One ballot line at a time.
    private readonly List<Item> _items = [];
    private readonly List<char> _separators = [];
    private byte[] _positions = new byte[64];
    private int[] _marks = new int[64];
    private int[] _columns = new int[64];

    /// <summary>An option on a ballot line: where its token is in the line's content, its rating, its column.</summary>
    private readonly record struct Item(int Start, int Length, int? Rating, int Column);

    private void ReadBallot(ReadOnlySpan<char> whole, ReadOnlySpan<char> content, ReadOnlySpan<char> comment, int line, int column, int commentColumn)
    {
        _sawBallot = true;
        var i = 0;
        var count = 0L;
        while (i < content.Length && char.IsAsciiDigit(content[i]))
        {
            // Past the largest count the number is wrong anyway: stop adding digits (no overflow).
            count = count > BallotValidator.MaxCount ? count : count * 10 + (content[i] - '0');
            i++;
        }
        if (i == 0 || i >= content.Length || content[i] != ':')
        {
            Error(i == 0 ? ErrorCodes.AbifBadCount : ErrorCodes.AbifSyntax, line, column + i, ("expected", ":"),
                ("found", i < content.Length ? content[i].ToString() : ""));
            return;
        }
        if (count < 1 || count > BallotValidator.MaxCount)
        {
            Error(ErrorCodes.AbifBadCount, line, column, ("max", BallotValidator.MaxCount));
            return;
        }
        i++;
        var ballotColumn = column + i;
        var plain = _method.Kind() == BallotKind.Ranked ? PlainRanking(content, i, column) : -1;
        if (plain < 0 && !(ReadItems(content, ref i, line, column) && Resolve(content, line)))
        {
            return;
        }
        var errors = _errors.Count;
        var (weight, group) = ReadExtension(comment, line, commentColumn);
        if ((plain >= 0 ? plain : Build(line)) is { } length)
        {
            var ballot = _ballots.Add(line, ballotColumn, _positions.AsSpan(0, length), _marks.AsSpan(0, length), _columns.AsSpan(0, length),
                count, weight ?? 1m, group);
            if (_errors.Count == errors)
            {
                _lines.Remember(whole, ballot, count);
            }
        }
    }

    /// <summary>
    /// The usual line, read fast: known bare ASCII tokens separated by '&gt;' or '=', nothing else. Fills
    /// <see cref="_positions"/>, <see cref="_marks"/> and <see cref="_columns"/> as <see cref="Build"/> would for a
    /// ranked method and returns how many; −1 for any other line, which the general path then reads (and reports).
    /// </summary>
    private int PlainRanking(ReadOnlySpan<char> content, int i, int column)
    {
        var n = 0;
        var mark = 0;
        while (i < content.Length)
        {
            var start = i;
            while (i < content.Length && (char.IsAsciiLetterOrDigit(content[i]) || content[i] is '_' or '-'))
            {
                i++;
            }
            if (i == start || !_knownBySpan.TryGetValue(content[start..i], out var position))
            {
                return -1;
            }
            if (n == BallotStore.MaxItems)
            {
                return -1; // an option repeats: the general path reports it
            }
            Reserve(n + 1);
            _positions[n] = (byte)position;
            _marks[n] = mark;
            _columns[n] = column + start;
            n++;
            if (i == content.Length)
            {
                return n;
            }
            if (content[i] == '>')
            {
                mark++;
            }
            else if (content[i] != '=')
            {
                return -1;
            }
            i++;
        }
        return -1;
    }

    /// <summary>Options, ratings and separators after the count, into <see cref="_items"/> and <see cref="_separators"/>.</summary>
    private bool ReadItems(ReadOnlySpan<char> content, ref int i, int line, int column)
    {
        _items.Clear();
        _separators.Clear();
        SkipSpaces(content, ref i);
        while (i < content.Length)
        {
            var itemColumn = column + i;
            if (content[i] is '>' or '=' or ',' or '/')
            {
                Error(ErrorCodes.AbifExpectedOption, line, itemColumn, ("found", content[i].ToString()));
                return false;
            }
            if (!ReadToken(content, ref i, line, column, stopAtColon: false, out var start, out var length))
            {
                return false;
            }
            if (length == 0)
            {
                // An empty name ("[]" or "\"\"") or a character that cannot start one.
                Error(ErrorCodes.AbifExpectedOption, line, itemColumn, ("found", i < content.Length ? content[i].ToString() : ""));
                return false;
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
                if (digits == i || !int.TryParse(content[digits..i], NumberStyles.None, CultureInfo.InvariantCulture, out var r))
                {
                    Error(ErrorCodes.AbifBadRating, line, column + digits);
                    return false;
                }
                rating = r;
                SkipSpaces(content, ref i);
            }
            _items.Add(new Item(start, length, rating, itemColumn));
            if (i >= content.Length)
            {
                break;
            }
            var separator = content[i];
            if (separator is not ('>' or '=' or ','))
            {
                Error(ErrorCodes.AbifSyntax, line, column + i, ("expected", "> = ,"), ("found", separator.ToString()));
                return false;
            }
            if (_separators.Count > 0 && (separator == ',') != (_separators[0] == ','))
            {
                Error(ErrorCodes.AbifMixedSeparators, line, column + i);
                return false;
            }
            _separators.Add(separator);
            i++;
            SkipSpaces(content, ref i);
            if (i >= content.Length)
            {
                Error(ErrorCodes.AbifExpectedOption, line, column + i, ("found", ""));
                return false;
            }
        }
        return true;
    }

    /// <summary>Each item's option position into <see cref="_positions"/> (in item order); options seen first on a
    /// ballot line are added when the file declares none.</summary>
    private bool Resolve(ReadOnlySpan<char> content, int line)
    {
        Reserve(_items.Count);
        for (var k = 0; k < _items.Count; k++)
        {
            var item = _items[k];
            var token = content.Slice(item.Start, item.Length);
            if (!_knownBySpan.TryGetValue(token, out var position))
            {
                if (_declared.Count > 0)
                {
                    Error(ErrorCodes.AbifUndeclaredOption, line, item.Column, ("option", token.ToString()));
                    return false;
                }
                var text = token.ToString();
                if (!OptionList.IsValidToken(text))
                {
                    Error(ErrorCodes.InvalidOptionToken, line, item.Column, ("option", text), ("max", OptionList.MaxTokenLength));
                    return false;
                }
                if (_known.Count == Tally.MaxOptions)
                {
                    Error(ErrorCodes.TooManyOptions, line, item.Column, ("count", Tally.MaxOptions + 1), ("max", Tally.MaxOptions));
                    return false;
                }
                position = _known.Count;
                _known[text] = position;
                _undeclared.Add(text);
            }
            _positions[k] = (byte)position;
        }
        return true;
    }

    /// <summary>
    /// The ballot as the method reads the line (docs/VOTING.md): positions, marks and columns in
    /// <see cref="_positions"/>, <see cref="_marks"/>, <see cref="_columns"/>; returns how many, or null after an error.
    /// </summary>
    private int? Build(int line)
    {
        var items = _items;
        if (items.Count == 0)
        {
            return 0;
        }
        if (items.Count > BallotStore.MaxItems)
        {
            // More items than a count may have options: one repeats. Reported here, as a ballot is stored with each
            // option once at most.
            Span<bool> met = stackalloc bool[Tally.MaxOptions];
            var again = 0;
            while (!met[_positions[again]])
            {
                met[_positions[again++]] = true;
            }
            Error(ErrorCodes.DuplicateOptionOnBallot, line, items[again].Column, ("option", Token(again)));
            return null;
        }
        var commas = _separators.Count > 0 && _separators[0] == ',';
        if (_method.Kind() == BallotKind.Ranked)
        {
            if (commas || (_separators.Count == 0 && items[0].Rating is not null && items.Count > 1))
            {
                // Ratings only: the higher rating ranks first, equal ratings tie (in line order).
                if (Unrated() is { } missing)
                {
                    Error(ErrorCodes.AbifRatingsRequired, line, items[missing].Column, ("option", Token(missing)), ("method", _method.Token()));
                    return null;
                }
                var order = Enumerable.Range(0, items.Count).OrderByDescending(k => items[k].Rating).ToArray();
                var positions = _positions[..items.Count];
                for (var k = 0; k < order.Length; k++)
                {
                    _positions[k] = positions[order[k]];
                    _marks[k] = k == 0 ? 0 : _marks[k - 1] + (items[order[k]].Rating == items[order[k - 1]].Rating ? 0 : 1);
                    _columns[k] = items[order[k]].Column;
                }
                return items.Count;
            }
            for (var k = 0; k < items.Count; k++)
            {
                _marks[k] = k == 0 ? 0 : _marks[k - 1] + (_separators[k - 1] == '>' ? 1 : 0);
                _columns[k] = items[k].Column;
            }
            return items.Count;
        }
        var choice = _method is VotingMethod.Plurality or VotingMethod.Approval;
        if (!choice && Unrated() is { } unrated)
        {
            Error(ErrorCodes.AbifRatingsRequired, line, items[unrated].Column, ("option", Token(unrated)), ("method", _method.Token()));
            return null;
        }
        var marked = items.Count;
        if (_method == VotingMethod.Plurality && items.TrueForAll(it => it.Rating is null))
        {
            // A ranking counted by plurality: its first choice (the first tie group).
            marked = _separators.TakeWhile(c => c == '=').Count() + 1;
        }
        Span<bool> seen = stackalloc bool[Tally.MaxOptions];
        for (var k = 0; k < marked; k++)
        {
            if (seen[_positions[k]])
            {
                // As Ballot.Rated: an option twice on a line of values, placed at its first appearance.
                var first = _positions.AsSpan(0, k).IndexOf(_positions[k]);
                Error(ErrorCodes.DuplicateOptionOnBallot, line, items[first].Column, ("option", Token(k)));
                return null;
            }
            seen[_positions[k]] = true;
            _marks[k] = items[k].Rating ?? 1;
            _columns[k] = items[k].Column;
        }
        return marked;
    }

    private int? Unrated()
    {
        var k = _items.FindIndex(it => it.Rating is null);
        return k < 0 ? null : k;
    }

    private string Token(int k) => (_declared.Count > 0 ? _declared[_positions[k]].Token : _undeclared[_positions[k]]);

    private void Reserve(int items)
    {
        if (items > _positions.Length)
        {
            var size = Math.Max(items, _positions.Length * 2);
            Array.Resize(ref _positions, size);
            Array.Resize(ref _marks, size);
            Array.Resize(ref _columns, size);
        }
    }
}
