namespace Tables.Voting.Counting;

/// <summary>
/// A growing list of values kept in blocks of <see cref="BlockSize"/>: adding never copies what is already there. A
/// doubling array copies itself at each step and leaves the old copies to the garbage collector — for a 10 MB ballot
/// file, as much memory again. The first block grows by doubling up to the block size, so a small list stays small. A
/// run added with <see cref="AddRun"/> stays in one block, so it reads back as a span.
/// </summary>
internal sealed class Chunks<T>
{
    private const int Shift = 14;
    public const int BlockSize = 1 << Shift; // 16,384 values
    private const int Mask = BlockSize - 1;

    private T[][] _blocks = [new T[16]];
    private int _blockCount = 1;

    /// <summary>One past the last index used.</summary>
    public int Count { get; private set; }

    public ref T this[int index] => ref _blocks[index >> Shift][index & Mask];

    /// <summary>Appends a value; returns its index.</summary>
    public int Add(T value)
    {
        var index = Reserve(1);
        this[index] = value;
        return index;
    }

    /// <summary>Appends a run of at most <see cref="BlockSize"/> values in one block; returns the index of the first.</summary>
    public int AddRun(ReadOnlySpan<T> values)
    {
        var start = Reserve(values.Length);
        values.CopyTo(_blocks[start >> Shift].AsSpan(start & Mask));
        return start;
    }

    /// <summary>A run added by <see cref="AddRun"/>.</summary>
    public Span<T> Run(int start, int length) => _blocks[start >> Shift].AsSpan(start & Mask, length);

    private int Reserve(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, BlockSize);
        var start = Count;
        if ((start & Mask) + length > BlockSize)
        {
            start = (start | Mask) + 1; // the run starts the next block
        }
        var end = start + length;
        var last = end == 0 ? 0 : (end - 1) >> Shift;
        if (last == 0)
        {
            if (end > _blocks[0].Length)
            {
                Array.Resize(ref _blocks[0], Math.Min(BlockSize, Math.Max(end, _blocks[0].Length * 2)));
            }
        }
        else
        {
            if (_blocks[0].Length < BlockSize)
            {
                Array.Resize(ref _blocks[0], BlockSize);
            }
            while (_blockCount <= last)
            {
                if (_blockCount == _blocks.Length)
                {
                    Array.Resize(ref _blocks, _blocks.Length * 2);
                }
                _blocks[_blockCount++] = new T[BlockSize];
            }
        }
        Count = end;
        return start;
    }
}
