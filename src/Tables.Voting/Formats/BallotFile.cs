using System.Collections;
using Tables.Voting.Counting;

namespace Tables.Voting;

/// <summary>An option as a file declares it: its token and, when the file gives one, its full name.</summary>
public sealed record OptionDeclaration(string Token, string? Name = null);

/// <summary>
/// Ballots read from a file (ABIF or CSV): the options in file order, the ballots and the file's metadata.
/// Identical ballots are merged as the file is read, so a file of hundreds of thousands of lines takes memory in
/// proportion to its different ballots; <see cref="Ballots"/> still gives every line. <see cref="Tally.Count(VotingMethod, BallotFile, MethodOptions?)"/>
/// names the line and column of any ballot at fault.
/// </summary>
public sealed class BallotFile
{
    internal BallotFile(IReadOnlyList<OptionDeclaration> options, IReadOnlyDictionary<string, string> metadata, FileBallots content)
    {
        Options = options;
        Metadata = metadata;
        Content = content;
        OptionTokens = options.Select(o => o.Token).ToArray();
        Ballots = new LineList(this);
    }

    public IReadOnlyList<OptionDeclaration> Options { get; }
    public IReadOnlyList<string> OptionTokens { get; }

    /// <summary>One ballot per ballot line (ABIF) or row (CSV), in file order, with the count its line gives. Each is
    /// built when it is read from this list.</summary>
    public IReadOnlyList<Ballot> Ballots { get; }

    /// <summary>How many different ballots the file holds (lines that differ only by their count are one ballot).</summary>
    public int DistinctBallots => Content.Store.Count;

    /// <summary>Metadata lines of an ABIF file (title, description…); empty for CSV.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    internal FileBallots Content { get; }

    private sealed class LineList(BallotFile file) : IReadOnlyList<Ballot>
    {
        public int Count => file.Content.LineCount;

        public Ballot this[int index] => (uint)index < (uint)Count
            ? file.Content.LineBallot(index, file.OptionTokens)
            : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<Ballot> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>
/// The ballots of a file as a reader gives them: merged into a <see cref="BallotStore"/>, with the line and columns of
/// the first line of each ballot (to place an error found when counting) and each line's ballot and count.
/// </summary>
internal sealed class FileBallots(BallotKind kind)
{
    private readonly Chunks<int> _lineBallot = new();
    private readonly Chunks<int> _lineCount = new(); // a line counts at most BallotValidator.MaxCount (10^9) ballots
    private readonly Chunks<int> _firstLine = new();
    private readonly Chunks<int> _contentColumn = new();
    private readonly Chunks<ushort> _columns = new(); // runs parallel to the store's: the column of each option

    /// <summary>Rankings or values, as the method the file was read for needs.</summary>
    public BallotKind Kind { get; } = kind;

    public BallotStore Store { get; } = new();

    public int LineCount => _lineBallot.Count;

    /// <summary>CSV: the 1-based columns of count, weight and group (0 when absent), where their errors are placed.</summary>
    public int CountColumn { get; init; }
    public int WeightColumn { get; init; }
    public int GroupColumn { get; init; }

    /// <summary>Adds the ballot of one line: <paramref name="columns"/> gives the column of each item,
    /// <paramref name="contentColumn"/> where the ballot starts (errors that name no option go there). Returns the
    /// ballot's index in <see cref="Store"/>.</summary>
    public int Add(int line, int contentColumn, ReadOnlySpan<byte> positions, ReadOnlySpan<int> marks, ReadOnlySpan<int> columns,
        long count, decimal weight, string? group)
    {
        var index = Store.AddOrMerge(positions, marks, count, Store.WeightIndex(weight), Store.GroupIndex(group), out var added);
        if (added)
        {
            _firstLine.Add(line);
            _contentColumn.Add(contentColumn);
            Span<ushort> at = stackalloc ushort[columns.Length];
            for (var k = 0; k < columns.Length; k++)
            {
                at[k] = (ushort)Math.Min(columns[k], ushort.MaxValue);
            }
            // Same run lengths as the store's positions, so the same start.
            _columns.AddRun(at);
        }
        AddLine(index, count);
        return index;
    }

    /// <summary>The file is read: frees what only merging needed.</summary>
    public void EndReading() => Store.EndMerging();

    /// <summary>Another line with ballot <paramref name="index"/> (a line already read, met again).</summary>
    public void Repeat(int index, long count)
    {
        Store.AddCount(index, count);
        AddLine(index, count);
    }

    private void AddLine(int index, long count)
    {
        _lineBallot.Add(index);
        _lineCount.Add(checked((int)count));
    }

    /// <summary>The error placed at the first line of ballot <paramref name="index"/>: at item <paramref name="item"/>'s
    /// column, or (CSV) the count, weight or group column, or where the ballot starts.</summary>
    public VotingError Locate(int index, int item, VotingError error)
    {
        var column = error.Code switch
        {
            ErrorCodes.InvalidWeight when WeightColumn > 0 => WeightColumn,
            ErrorCodes.InvalidGroup when GroupColumn > 0 => GroupColumn,
            ErrorCodes.InvalidCount when CountColumn > 0 => CountColumn,
            _ => item >= 0 ? _columns[Store[index].Start + item] : _contentColumn[index],
        };
        return error.At(_firstLine[index], column);
    }

    /// <summary>The ballot of line <paramref name="line"/> (0-based among ballot lines), with that line's count.</summary>
    public Ballot LineBallot(int line, IReadOnlyList<string> tokens)
    {
        var index = _lineBallot[line];
        var positions = Store.PositionsOf(index);
        var marks = Store.MarksOf(index);
        Ballot ballot;
        if (positions.IsEmpty)
        {
            ballot = Ballot.Blank;
        }
        else if (Kind == BallotKind.Ranked)
        {
            var groups = new List<List<string>>();
            for (var k = 0; k < positions.Length; k++)
            {
                if (k == 0 || marks[k] != marks[k - 1])
                {
                    groups.Add([]);
                }
                groups[^1].Add(tokens[positions[k]]);
            }
            ballot = Ballot.Ranked(groups);
        }
        else
        {
            var values = new KeyValuePair<string, int>[positions.Length];
            for (var k = 0; k < positions.Length; k++)
            {
                values[k] = KeyValuePair.Create(tokens[positions[k]], marks[k]);
            }
            ballot = Ballot.Rated(values);
        }
        return ballot with { Count = _lineCount[line], Weight = Store.WeightOf(index), Group = Store.GroupOf(index) };
    }
}
