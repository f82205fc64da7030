using ProxyThreat.Pipeline.IO;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>
/// The request body a writer writes into: each piece is sent bounded by, and restarting, the exchange's
/// <see cref="IdleTimeout"/>. It does not own the connection's stream it writes to.
/// </summary>
internal sealed class WatchedUpload : ForwardOnlyStream
{
    private const int PieceSize = 64 * 1024;

    private readonly Stream _body;
    private readonly IdleTimeout _idle;

    public WatchedUpload(Stream body, IdleTimeout idle)
    {
        _body = body;
        _idle = idle;
    }

    public override bool CanRead => false;

    public override bool CanWrite => true;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _idle.Token);
        for (var offset = 0; offset < buffer.Length; offset += PieceSize)
        {
            await _body.WriteAsync(buffer.Slice(offset, Math.Min(PieceSize, buffer.Length - offset)), linked.Token);
            _idle.Progress();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _idle.Token);
        await _body.FlushAsync(linked.Token);
    }

    // Bodies are written asynchronously only: a blocking write could not be bounded.
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush() => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
