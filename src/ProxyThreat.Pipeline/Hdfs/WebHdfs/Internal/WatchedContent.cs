using System.Net;
using System.Net.Http.Headers;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>An upload body sent in chunks, each one restarting the exchange's <see cref="IdleTimeout"/>.</summary>
internal sealed class WatchedContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;

    private readonly ReadOnlyMemory<byte> _content;
    private readonly IdleTimeout _idle;

    public WatchedContent(ReadOnlyMemory<byte> content, IdleTimeout idle)
    {
        // The bytes are shared, not copied: a retry sends them again from the start.
        _content = content;
        _idle = idle;
        Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _idle.Token);
        for (var offset = 0; offset < _content.Length; offset += ChunkSize)
        {
            await stream.WriteAsync(_content.Slice(offset, Math.Min(ChunkSize, _content.Length - offset)), linked.Token);
            _idle.Progress();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _content.Length;
        return true;
    }
}
