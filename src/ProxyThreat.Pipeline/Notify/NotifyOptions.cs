using Microsoft.Extensions.Options;

namespace ProxyThreat.Pipeline.Notify;

/// <summary>
/// Configuration section <c>Notify</c>: where written threats are announced. Everything is off until a receiver
/// is configured.
/// </summary>
public sealed class NotifyOptions
{
    public const string Section = "Notify";

    /// <summary>TheHive, when its <c>Url</c> is set.</summary>
    [ValidateObjectMembers]
    public TheHiveOptions TheHive { get; set; } = new();

    /// <summary>Webhooks, each sent one JSON document per written or changed threat.</summary>
    [ValidateEnumeratedItems]
    public IList<WebhookOptions> Webhooks { get; } = new List<WebhookOptions>();

    /// <summary>How long one request to a receiver may take, from sending to the end of the answer.</summary>
    [KeyRange(typeof(TimeSpan), NotifyDefaults.MinTimeout, NotifyDefaults.MaxTimeout)]
    public TimeSpan Timeout { get; set; } = NotifyDefaults.Timeout;

    /// <summary>The wait before retrying an undelivered document; it doubles after each further failure.</summary>
    public TimeSpan RetryDelay { get; set; } = NotifyDefaults.RetryDelay;

    /// <summary>No wait between two tries of one document is longer.</summary>
    [KeyRange(typeof(TimeSpan), "00:00:00", NotifyDefaults.MaxMaxRetryDelay)]
    public TimeSpan MaxRetryDelay { get; set; } = NotifyDefaults.MaxRetryDelay;
}
