namespace ProxyThreat.Pipeline.Notify;

/// <summary>Configuration section <c>Notify:TheHive</c>: the TheHive (4.1 or 5) that receives an alert per threat.</summary>
public sealed class TheHiveOptions
{
    /// <summary>TheHive's base URL, e.g. <c>https://thehive.example.org:9000</c>; unset: no alerts.</summary>
    public Uri? Url { get; set; }

    /// <summary>The API key of the user the alerts are created as, sent as <c>Authorization: Bearer</c>; a secret, never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The alerts' <c>source</c>; with <c>type</c> and <c>sourceRef</c> it names an alert uniquely.</summary>
    public string Source { get; set; } = NotifyDefaults.TheHiveSource;

    /// <summary>
    /// The organisation the alerts are created, found and updated in, sent as <c>X-Organisation</c> on every request
    /// (a user of several organisations of TheHive 5); unset: the user's default organisation. Not a secret.
    /// </summary>
    [KeySingleLine]
    public string? Organisation { get; set; }

    /// <summary>A PEM bundle of the CAs TheHive's certificate must chain to (default: the system's trust store).</summary>
    public string? CaBundlePath { get; set; }

    public bool Enabled => Url is not null;
}
