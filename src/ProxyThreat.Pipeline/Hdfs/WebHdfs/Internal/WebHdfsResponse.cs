using Flurl.Http;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>
/// A server's answer to one exchange, with the exchange's <see cref="IdleTimeout"/>: reading its body is bounded
/// the same way as sending was.
/// </summary>
internal sealed class WebHdfsResponse : IDisposable
{
    private readonly IFlurlResponse _response;
    private readonly IdleTimeout _idle;

    public WebHdfsResponse(IFlurlResponse response, IdleTimeout idle, Uri server)
    {
        _response = response;
        _idle = idle;
        Server = server;
    }

    public int StatusCode => _response.StatusCode;

    /// <summary>The server that answered.</summary>
    public Uri Server { get; }

    public bool IsRedirect => StatusCode is >= 300 and < 400;

    public Uri? Location => _response.ResponseMessage.Headers.Location;

    /// <summary>The whole body as text; throws <see cref="HttpRequestException"/> or <see cref="IOException"/> when it breaks off.</summary>
    public async Task<string> ReadTextAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _response.ResponseMessage.Content.ReadAsStringAsync(_idle.Token);
        }
        catch (OperationCanceledException e) when (_idle.Expired && !cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"no byte for {_idle.Limit}", e);
        }
    }

    /// <summary>Copies the body; throws <see cref="HttpRequestException"/> or <see cref="IOException"/> when it breaks off or stalls.</summary>
    public async Task CopyBodyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = new WatchedStream(await _response.ResponseMessage.Content.ReadAsStreamAsync(_idle.Token), _idle);
            await body.CopyToAsync(destination, _idle.Token);
        }
        catch (OperationCanceledException e) when (_idle.Expired && !cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"no byte for {_idle.Limit}", e);
        }
    }

    public void Dispose()
    {
        _response.Dispose();
        _idle.Dispose();
    }
}
