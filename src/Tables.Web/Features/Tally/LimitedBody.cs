namespace Tables.Web.Features.Tally;

/// <summary>
/// A request body read as it comes, that throws <see cref="BodyTooLargeException"/> past a number of bytes (Kestrel
/// enforces the endpoint's limit too; the test host and a chunked body without length need this) and stops at
/// <paramref name="deadline"/>, whatever token its reader passes (CsvHelper passes none).
/// </summary>
internal sealed class LimitedBody(Stream body, long limit, CancellationToken deadline) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException(); // Kestrel refuses synchronous reads

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(deadline, cancellationToken);
        return Count(await body.ReadAsync(buffer, both.Token));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw new BodyTooLargeException() : read;
    }

    public override void Flush() => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

internal sealed class BodyTooLargeException : Exception;
