namespace ProxyThreat.Pipeline.Hdfs.WebHdfs;

/// <summary>Defaults and limits of <see cref="WebHdfsOptions"/>.</summary>
public static class WebHdfsDefaults
{
    /// <summary>As Hadoop's own HA client, which retries a failover up to 15 times, backing off up to 15 s.</summary>
    public const int DefaultRetries = 15;
    public const int MaxRetries = 100;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    /// <summary>The first backoff delay; each further retry doubles it, with jitter.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Long enough for a NameNode restart: start-up safe mode alone lasts 30 s past the block reports
    /// (dfs.namenode.safemode.extension), and a failover takes tens of seconds.
    /// </summary>
    public static readonly TimeSpan DefaultRetryBudget = TimeSpan.FromMinutes(3);
    public static readonly TimeSpan MinRetryBudget = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxRetryBudget = TimeSpan.FromDays(1);
}
