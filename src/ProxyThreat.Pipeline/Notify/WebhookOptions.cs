namespace ProxyThreat.Pipeline.Notify;

/// <summary>One entry of <c>Notify:Webhooks</c>: a URL that receives a JSON document per written or changed threat.</summary>
public sealed class WebhookOptions
{
    /// <summary>The URL documents are POSTed to. Its path and query may hold a token, so only its host and port are ever logged.</summary>
    [KeyRequired]
    public Uri? Url { get; set; }

    /// <summary>Extra request headers (e.g. <c>Authorization</c>); their values are secrets, never logged.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A PEM bundle of the CAs the receiver's certificate must chain to (default: the system's trust store).</summary>
    public string? CaBundlePath { get; set; }
}
