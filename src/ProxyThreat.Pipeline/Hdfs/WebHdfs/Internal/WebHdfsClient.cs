using Flurl;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using ProxyThreat.Pipeline.Resilience;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>
/// Sends WebHDFS calls: to the NameNodes in turn (high availability), to DataNodes for redirected bodies, each
/// exchange bounded by an idle timeout, and whole operations retried with backoff inside a time budget. Every
/// failure becomes a <see cref="WebHdfsException"/>.
/// </summary>
internal sealed class WebHdfsClient : IDisposable
{
    private readonly WebHdfsOptions _options;
    private readonly Uri[] _nameNodes;
    private readonly FlurlClient _flurl;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly WebHdfsAuthentication _authentication;
    private readonly RetryPolicy _retry;
    private int _active;

    public WebHdfsClient(WebHdfsOptions options, HttpMessageHandler handler, bool disposeHandler, ILogger logger, TimeProvider time)
    {
        _options = options;
        _nameNodes = options.NameNodes.Select(n => new Uri(n, UriKind.Absolute)).ToArray();
        _logger = logger;
        _time = time;
        _authentication = new WebHdfsAuthentication(options, logger, time);

        // Each exchange is bounded by its own idle timeout (IdleTimeout), not by one deadline for a whole transfer.
        _flurl = new FlurlClient(new HttpClient(handler, disposeHandler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan });
        _flurl.Settings.Timeout = null;
        _flurl.Settings.Redirects.Enabled = false;
        _flurl.Settings.AllowedHttpStatusRange = "*";

        _retry = new RetryPolicy(
            new RetrySettings(options.Retries, options.RetryDelay, options.MaxRetryDelay, options.RetryBudget, $"{WebHdfsOptions.Section}:RetryBudget"),
            e => e is WebHdfsException { IsTransient: true },
            (attempt, delay, e) => Log.WebHdfsRetrying(_logger, attempt, delay, e.Message),
            time);
    }

    /// <summary>The NameNode that answered last (the first one before any call).</summary>
    public Uri ActiveNameNode => _nameNodes[Volatile.Read(ref _active)];

    /// <summary>
    /// Runs a whole operation, again after a transient failure, at most <see cref="WebHdfsOptions.Retries"/> more
    /// times and for at most <see cref="WebHdfsOptions.RetryBudget"/> in all.
    /// </summary>
    public Task<T> RetryAsync<T>(WebHdfsCall call, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(
            operation,
            (last, gaveUp) => last is WebHdfsException { Failure: { } failure }
                ? (failure with { Reason = $"{gaveUp}; the last try: {failure.Cause}", RemoteException = null, IsTransient = true }).ToException(last)
                : WebHdfsFailure.Other(call, null, gaveUp, transient: true).ToException(last),
            cancellationToken);

    /// <summary>
    /// Sends a call to the active NameNode, moving on to the next one when a NameNode is standby, refuses the
    /// connection or does not answer in time. Answers with a 2xx or 3xx response; throws on any other.
    /// </summary>
    public async Task<WebHdfsResponse> SendAsync(WebHdfsCall call, CancellationToken cancellationToken)
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
                var response = await ExchangeAsync(NameNodeUrl(nameNode, call), nameNode, call.Method, call.Body, call.StreamAnswer, cancellationToken);
                if (response.StatusCode < 400)
                {
                    MarkActive(index);
                    return response;
                }

                var error = await ReadErrorAsync(response, cancellationToken);
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
    public async Task<WebHdfsResponse> FollowAsync(WebHdfsCall call, WebHdfsResponse redirect, Func<Stream, CancellationToken, Task>? body, CancellationToken cancellationToken)
    {
        if (redirect.Location is not { } location)
        {
            throw WebHdfsFailure.Other(call, redirect.StatusCode, "the NameNode redirected without a Location", transient: false).ToException();
        }

        var dataNode = new Uri(ActiveNameNode, location);
        WebHdfsResponse response;
        try
        {
            response = await ExchangeAsync(dataNode.AbsoluteUri, dataNode, call.Method, body, call.StreamAnswer, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // A DataNode that fails mid-transfer leaves nothing the next try depends on: the whole call starts anew.
            throw WebHdfsFailure.Other(call, null, $"DataNode {dataNode.Authority} failed: {e.Message}", transient: true).ToException(e.InnerException);
        }

        return response.StatusCode < 400
            ? response
            : throw Failure(call, response.StatusCode, await ReadErrorAsync(response, cancellationToken), dataNode).ToException();
    }

    /// <summary>Reads an answer's body as text; a body that breaks off or stalls is a transient failure of the call.</summary>
    public static async Task<string> ReadTextAsync(WebHdfsCall call, WebHdfsResponse response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.ReadTextAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw WebHdfsFailure.Other(call, response.StatusCode, $"the answer from {response.Server.Authority} broke off: {e.Message}", transient: true).ToException(e);
        }
    }

    /// <summary>Copies an answer's body; a body that breaks off or stalls is a transient failure of the call.</summary>
    public async Task CopyBodyAsync(WebHdfsCall call, WebHdfsResponse response, Stream destination, CancellationToken cancellationToken)
    {
        try
        {
            await response.CopyBodyToAsync(destination, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw WebHdfsFailure.Other(
                call, response.StatusCode, $"the download from {response.Server.Authority} broke off: {e.Message} ({WebHdfsOptions.Section}:Timeout is {_options.Timeout})", transient: true).ToException(e);
        }
    }

    public void Dispose() => _flurl.Dispose();

    private WebHdfsFailure Failure(WebHdfsCall call, int status, RemoteError? error, Uri server) =>
        _authentication.Refused(call, status, error, server) ?? (error is not null
            ? WebHdfsFailure.Remote(call, status, error)
            : WebHdfsFailure.Other(call, status, $"HTTP {status} from {server.Authority}", transient: status >= 500 || status is 408 or 429));

    private async Task<WebHdfsResponse> ExchangeAsync(string url, Uri server, HttpMethod method, Func<Stream, CancellationToken, Task>? body, bool stream, CancellationToken cancellationToken)
    {
        var idle = new IdleTimeout(_options.Timeout, _time, cancellationToken);
        try
        {
            using var content = body is { } write ? new WatchedContent(write, idle) : null;
            var response = await _flurl.Request(url).SendAsync(
                method, content, stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, idle.Token);
            return new WebHdfsResponse(response, idle, server);
        }
        catch (Exception e) when (e is FlurlHttpException or OperationCanceledException)
        {
            var expired = idle.Expired;
            idle.Dispose();
            cancellationToken.ThrowIfCancellationRequested();

            // Flurl's own messages hold the URL, and with it any delegation token: only the cause travels on.
            throw expired
                ? new HttpRequestException($"no answer within {_options.Timeout} ({WebHdfsOptions.Section}:Timeout)", e.InnerException)
                : new HttpRequestException(e.InnerException?.Message ?? "no answer", e.InnerException);
        }
        catch
        {
            idle.Dispose();
            throw;
        }
    }

    /// <summary>Reads a failure's body, if it is a RemoteException, and disposes the response.</summary>
    private static async Task<RemoteError?> ReadErrorAsync(WebHdfsResponse response, CancellationToken cancellationToken)
    {
        using (response)
        {
            string body;
            try
            {
                body = await response.ReadTextAsync(cancellationToken);
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
