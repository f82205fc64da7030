using ProxyThreat.Pipeline.IO;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>A response body whose every read is bounded by, and restarts, the exchange's <see cref="IdleTimeout"/>.</summary>
internal sealed class WatchedStream : ReadOnlyStreamWrapper
{
    private readonly IdleTimeout _idle;

    public WatchedStream(Stream inner, IdleTimeout idle)
        : base(inner)
    {
        _idle = idle;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _idle.Token);
        var read = await Inner.ReadAsync(buffer, linked.Token);
        _idle.Progress();
        return read;
    }

    // Bodies are read asynchronously only: a blocking read could not be bounded.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
