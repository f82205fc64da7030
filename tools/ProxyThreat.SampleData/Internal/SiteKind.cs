namespace ProxyThreat.SampleData.Internal;

/// <summary>How the proxy treats a site.</summary>
internal enum SiteKind
{
    /// <summary>Browsed normally (HTTP, or HTTPS with interception).</summary>
    Browsed,

    /// <summary>HTTPS not intercepted (banking, health): only CONNECT tunnels are logged.</summary>
    Tunneled,

    /// <summary>Blocked by category policy.</summary>
    Blocked,

    /// <summary>Only ever loaded as a page's asset (CDNs, analytics).</summary>
    AssetsOnly,
}
