using System.Net;
using Polly;
using Polly.Timeout;
using ProxyThreat.Pipeline.Tls;

namespace ProxyThreat.Pipeline.Notify.Internal;

/// <summary>
/// One receiver's HTTP client: the repository's handler (a CA bundle when configured), no redirects followed, and each exchange, answer body
/// included, bounded by <c>Notify:Timeout</c> on the injected clock. Transport failures become a
/// <see cref="NotifyException"/> naming the receiver.
/// </summary>
internal sealed class NotifyHttp : IDisposable
{
    private const int QuotedLength = 300;

    private readonly HttpClient _client;
    private readonly ResiliencePipeline _timeout;
    private readonly TimeSpan _limit;
    private readonly string _receiver;

    public NotifyHttp(string receiver, string? caBundlePath, string caBundleKey, TimeSpan timeout, TimeProvider time)
    {
        _receiver = receiver;
        _limit = timeout;
        var handler = HttpHandlers.Create(caBundlePath, caBundleKey);

        // A redirect would take the API key or the headers somewhere not configured.
        handler.AllowAutoRedirect = false;
        handler.UseCookies = false;
        handler.ConnectTimeout = timeout;
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(timeout).Build();
    }

    /// <summary>Sends the request <paramref name="build"/> makes and reads the whole answer.</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        try
        {
            return await _timeout.ExecuteAsync(
                async token =>
                {
                    using var request = build();
                    using var response = await _client.SendAsync(request, token);
                    return (response.StatusCode, await response.Content.ReadAsStringAsync(token));
                },
                cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            throw new NotifyException(_receiver, $"no answer within {_limit} (Notify:Timeout)", null);
        }
        catch (HttpRequestException ex)
        {
            var reason = ex.InnerException is { } inner && inner.Message != ex.Message ? $"{ex.Message} ({inner.Message})" : ex.Message;
            throw new NotifyException(_receiver, $"cannot be reached: {reason}", null);
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The start of an answer's body, for a message.</summary>
    public static string Quote(string body)
    {
        var text = body.ReplaceLineEndings(" ").Trim();
        return text.Length <= QuotedLength ? text : text[..QuotedLength] + "…";
    }
}
