using System.Net;
using System.Net.Http.Headers;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>
/// An upload body written as it is sent (chunked, as Hadoop's own client sends CREATE bodies), each piece
/// restarting the exchange's <see cref="IdleTimeout"/>. A retry runs the writer again from the start.
/// </summary>
internal sealed class WatchedContent : HttpContent
{
    private readonly Func<Stream, CancellationToken, Task> _write;
    private readonly IdleTimeout _idle;

    public WatchedContent(Func<Stream, CancellationToken, Task> write, IdleTimeout idle)
    {
        _write = write;
        _idle = idle;
        Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _idle.Token);
        await using var upload = new WatchedUpload(stream, _idle);
        await _write(upload, linked.Token);
        await upload.FlushAsync(linked.Token);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
