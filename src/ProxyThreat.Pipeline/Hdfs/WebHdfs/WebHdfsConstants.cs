namespace ProxyThreat.Pipeline.Hdfs.WebHdfs;

/// <summary>Defaults and limits of <see cref="WebHdfsOptions"/>, and the fixed names the adapter uses.</summary>
public static class WebHdfsConstants
{
    /// <summary>The configuration section the options bind to.</summary>
    public const string SectionName = "Hdfs:WebHdfs";

    public const int DefaultRetries = 3;
    public const int MaxRetries = 10;

    /// <summary>
    /// The suffix of the hidden name (<c>.&lt;name&gt;.proxythreat-backup</c>) a destination is moved to while a rename
    /// replaces it on a gateway that cannot replace in one step. Hive and Impala skip names starting with '.'.
    /// </summary>
    public const string BackupSuffix = ".proxythreat-backup";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    /// <summary>The first backoff delay; each further retry doubles it, with jitter.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>No single backoff waits longer than this, however many retries are allowed.</summary>
    public static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(30);
}
