using System.Net;
using System.Net.Http.Headers;
using Flurl;
using Flurl.Http;
using Microsoft.Extensions.Logging;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>
/// Sends WebHDFS calls: to the NameNodes in turn (high availability), to DataNodes for redirected bodies, with
/// bounded, jittered retries of what can pass. Every failure becomes a <see cref="WebHdfsException"/>.
/// </summary>
internal sealed class WebHdfsClient : IDisposable
{
    private readonly WebHdfsOptions _options;
    private readonly Uri[] _nameNodes;
    private readonly FlurlClient _flurl;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly WebHdfsAuthentication _authentication;
    private int _active;

    public WebHdfsClient(WebHdfsOptions options, HttpMessageHandler handler, bool disposeHandler, ILogger logger, TimeProvider time)
    {
        _options = options;
        _nameNodes = options.NameNodes.Select(n => new Uri(n, UriKind.Absolute)).ToArray();
        _logger = logger;
        _time = time;
        _authentication = new WebHdfsAuthentication(options, logger, time);

        // Flurl bounds each exchange itself (and says so with FlurlHttpTimeoutException); HttpClient must not race it.
        _flurl = new FlurlClient(new HttpClient(handler, disposeHandler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan });
        _flurl.Settings.Timeout = options.Timeout;
        _flurl.Settings.Redirects.Enabled = false;
        _flurl.Settings.AllowedHttpStatusRange = "*";
    }

    /// <summary>The NameNode that answered last (the first one before any call).</summary>
    public Uri ActiveNameNode => _nameNodes[Volatile.Read(ref _active)];

    /// <summary>Runs a whole operation, again after a transient failure, at most <see cref="WebHdfsOptions.Retries"/> more times.</summary>
    public async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(cancellationToken);
            }
            catch (WebHdfsException e) when (e.IsTransient && attempt <= _options.Retries)
            {
                var delay = Backoff.Delay(_options.RetryDelay, attempt, WebHdfsConstants.BackoffCap);
                Log.WebHdfsRetrying(_logger, attempt, delay, e.Message);
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Sends a call to the active NameNode, moving on to the next one when a NameNode is standby, refuses the
    /// connection or does not answer in time. Answers with a 2xx or 3xx response; throws on any other.
    /// </summary>
    public async Task<IFlurlResponse> SendAsync(WebHdfsCall call, CancellationToken cancellationToken)
    {
        _authentication.BeforeCall(call);
        var first = Volatile.Read(ref _active);
        var failures = new List<string>();
        Exception? lastError = null;
        for (var i = 0; i < _nameNodes.Length; i++)
        {
            var index = (first + i) % _nameNodes.Length;
            var nameNode = _nameNodes[index];
            string reason;
            try
            {
                var response = await ExchangeAsync(NameNodeUrl(nameNode, call), call.Method, call.Content?.Invoke(), call.StreamAnswer, cancellationToken);
                if (response.StatusCode < 400)
                {
                    MarkActive(index);
                    return response;
                }

                var error = await ReadErrorAsync(response);
                if (error?.Exception != RemoteError.Standby)
                {
                    MarkActive(index);
                    throw Failure(call, response.StatusCode, error, nameNode).ToException();
                }

                reason = "standby";
            }
            catch (HttpRequestException e)
            {
                reason = e.Message;
                lastError = e.InnerException;
            }

            failures.Add($"{nameNode.Authority}: {reason}");
            Log.WebHdfsFailingOver(_logger, call.Operation, call.Path, nameNode.Authority, reason);
        }

        throw WebHdfsFailure.Other(call, null, $"no NameNode served it ({string.Join("; ", failures)})", transient: true).ToException(lastError);
    }

    /// <summary>Follows a NameNode's redirect to a DataNode, sending the body there only.</summary>
    public async Task<IFlurlResponse> FollowAsync(WebHdfsCall call, IFlurlResponse redirect, HttpContent? content, CancellationToken cancellationToken)
    {
        var location = redirect.ResponseMessage.Headers.Location;
        if (location is null)
        {
            throw WebHdfsFailure.Other(call, redirect.StatusCode, "the NameNode redirected without a Location", transient: false).ToException();
        }

        var dataNode = new Uri(ActiveNameNode, location);
        IFlurlResponse response;
        try
        {
            response = await ExchangeAsync(dataNode.AbsoluteUri, call.Method, content, call.StreamAnswer, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // A DataNode that fails mid-transfer leaves nothing the next try depends on: the whole call starts anew.
            throw WebHdfsFailure.Other(call, null, $"DataNode {dataNode.Authority} failed: {e.Message}", transient: true).ToException(e.InnerException);
        }

        return response.StatusCode < 400
            ? response
            : throw Failure(call, response.StatusCode, await ReadErrorAsync(response), dataNode).ToException();
    }

    public static bool IsRedirect(IFlurlResponse response) => response.StatusCode is >= 300 and < 400;

    public static HttpContent Body(ReadOnlyMemory<byte> content)
    {
        // A fresh content per try; the bytes are shared, not copied.
        var body = new ReadOnlyMemoryContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return body;
    }

    public void Dispose() => _flurl.Dispose();

    private WebHdfsFailure Failure(WebHdfsCall call, int status, RemoteError? error, Uri server) =>
        _authentication.Refused(call, status, error, server) ?? (error is not null
            ? WebHdfsFailure.Remote(call, status, error)
            : WebHdfsFailure.Other(call, status, $"HTTP {status} from {server.Authority}", transient: status >= 500 || status is 408 or 429));

    private async Task<IFlurlResponse> ExchangeAsync(string url, HttpMethod method, HttpContent? content, bool stream, CancellationToken cancellationToken)
    {
        try
        {
            return await _flurl.Request(url).SendAsync(
                method, content, stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (FlurlHttpException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (FlurlHttpTimeoutException e)
        {
            // Flurl's own messages hold the URL, and with it any delegation token: only the cause travels on.
            throw new HttpRequestException($"no answer within {_options.Timeout}", e.InnerException);
        }
        catch (FlurlHttpException e)
        {
            throw new HttpRequestException(e.InnerException?.Message ?? "no answer", e.InnerException);
        }
    }

    /// <summary>Reads a failure's body, if it is a RemoteException, and disposes the response.</summary>
    private static async Task<RemoteError?> ReadErrorAsync(IFlurlResponse response)
    {
        using (response)
        {
            string body;
            try
            {
                body = await response.GetStringAsync();
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                // The status alone still tells what failed.
                body = "";
            }

            return RemoteError.Parse(body);
        }
    }

    private string NameNodeUrl(Uri nameNode, WebHdfsCall call)
    {
        var encoded = string.Join('/', call.Path.Split('/').Select(Uri.EscapeDataString));
        var url = new Url($"{nameNode.GetLeftPart(UriPartial.Authority)}/webhdfs/v1{encoded}").SetQueryParam("op", call.Operation);
        foreach (var (name, value) in call.Parameters)
        {
            url.SetQueryParam(name, value);
        }

        return _options.Auth switch
        {
            WebHdfsAuth.Simple => url.SetQueryParam("user.name", _options.User),
            WebHdfsAuth.Token => url.SetQueryParam("delegation", _options.DelegationToken),
            _ => url,
        };
    }

    private void MarkActive(int index)
    {
        if (Interlocked.Exchange(ref _active, index) != index)
        {
            Log.WebHdfsActiveNameNode(_logger, _nameNodes[index].Authority);
        }
    }
}
