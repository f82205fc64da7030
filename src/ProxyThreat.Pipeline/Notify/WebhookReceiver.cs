using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ProxyThreat.Pipeline.Notify.Internal;

namespace ProxyThreat.Pipeline.Notify;

/// <summary>
/// A webhook: each document is POSTed as JSON with the configured headers and an <c>Idempotency-Key</c> (the
/// document's SHA-256), so a receiver can drop the repeats that at-least-once delivery may send.
/// </summary>
public sealed class WebhookReceiver : INotifyReceiver
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    // Statuses a HEAD may get from a URL that takes POSTs: it answers, so it is reachable.
    private static readonly HashSet<HttpStatusCode> Refusals = [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.ProxyAuthenticationRequired];

    private readonly Uri _url;
    private readonly IDictionary<string, string> _headers;
    private readonly NotifyHttp _http;

    /// <param name="index">The webhook's place in <c>Notify:Webhooks</c>, for its name.</param>
    /// <param name="options">The webhook's settings.</param>
    /// <param name="timeout">How long one request may take.</param>
    /// <param name="time">The clock the timeout runs on.</param>
    public WebhookReceiver(int index, WebhookOptions options, TimeSpan timeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _url = options.Url ?? throw new ArgumentException("the webhook's URL is not set", nameof(options));
        _headers = options.Headers;
        Id = DocumentHash.Id("webhook", _url);
        Name = string.Create(CultureInfo.InvariantCulture, $"webhook {index} ({_url.Scheme}://{_url.Authority})");
        _http = new NotifyHttp(Name, options.CaBundlePath, string.Create(CultureInfo.InvariantCulture, $"{NotifyOptions.Section}:Webhooks:{index}:CaBundlePath"), timeout, time);
    }

    public string Id { get; }

    public string Name { get; }

    public string Document(WrittenThreat threat) => WebhookDocument.Of(threat).ToJsonString();

    public async Task<Delivered> DeliverAsync(string document, CancellationToken cancellationToken)
    {
        var key = DocumentHash.Of(document);
        var (status, body) = await _http.SendAsync(
            () =>
            {
                var request = Request(HttpMethod.Post);
                request.Headers.Add(IdempotencyKeyHeader, key);
                request.Content = new StringContent(document, Encoding.UTF8, "application/json");
                return request;
            },
            cancellationToken);
        var code = (int)status;
        return code is >= 200 and < 300
            ? new Delivered(string.Create(CultureInfo.InvariantCulture, $"answered {code}"))
            : throw new NotifyException(Name, string.Create(CultureInfo.InvariantCulture, $"answered {code} {NotifyHttp.Quote(body)}").TrimEnd(), code);
    }

    public async Task<string> CheckAsync(CancellationToken cancellationToken)
    {
        // A HEAD announces nothing; any answer but a refusal or a server error shows the URL reachable.
        var (status, _) = await _http.SendAsync(() => Request(HttpMethod.Head), cancellationToken);
        var code = (int)status;
        if (code >= 500 || Refusals.Contains(status))
        {
            throw new NotifyException(Name, string.Create(CultureInfo.InvariantCulture, $"answered a HEAD of the URL with {code} {status}"), code);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Name} is reachable (a HEAD of the URL answered {code})");
    }

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Request(HttpMethod method)
    {
        var request = new HttpRequestMessage(method, _url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
