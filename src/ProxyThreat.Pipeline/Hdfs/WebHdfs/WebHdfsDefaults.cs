using System.Globalization;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs;

/// <summary>Defaults and limits of <see cref="WebHdfsOptions"/>.</summary>
public static class WebHdfsDefaults
{
    /// <summary>As Hadoop's own HA client, which retries a failover up to 15 times, backing off up to 15 s.</summary>
    public const int DefaultRetries = 15;
    public const int MaxRetries = 100;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    public const string MinTimeout = "00:00:00.1";
    public const string MaxTimeout = "01:00:00";

    /// <summary>The first backoff delay; each further retry doubles it, with jitter.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest <see cref="WebHdfsOptions.RetryDelay"/> and <see cref="WebHdfsOptions.MaxRetryDelay"/>.</summary>
    public const string MaxRetryDelayText = "00:01:00";
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.Parse(MaxRetryDelayText, CultureInfo.InvariantCulture);

    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Long enough for a NameNode restart: start-up safe mode alone lasts 30 s past the block reports
    /// (dfs.namenode.safemode.extension), and a failover takes tens of seconds.
    /// </summary>
    public static readonly TimeSpan DefaultRetryBudget = TimeSpan.FromMinutes(3);
    public const string MinRetryBudget = "00:00:00.1";
    public const string MaxRetryBudget = "1.00:00:00";

    /// <summary>The format of a range's message in this section: the key, the value, then the bounds.</summary>
    internal const string OutsideRange = "{0}: {3} is outside {1}..{2}.";
}
