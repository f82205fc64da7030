using ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs;

/// <summary>Where and how to reach WebHDFS (configuration section <c>Hdfs:WebHdfs</c>).</summary>
public sealed class WebHdfsOptions
{
    public const string Section = "Hdfs:WebHdfs";

    /// <summary>
    /// Base URLs of the NameNodes (<c>http://nn1:9870</c>) or HttpFS gateways (<c>http://gw:14000</c>), tried in order;
    /// the one that last answered is tried first.
    /// </summary>
    public IList<string> NameNodes { get; } = new List<string>();

    /// <summary>The HDFS user (<c>user.name=</c>); required with <see cref="WebHdfsAuth.Simple"/>.</summary>
    public string? User { get; set; }

    public WebHdfsGateway Gateway { get; set; } = WebHdfsGateway.WebHdfs;

    public WebHdfsAuth Auth { get; set; } = WebHdfsAuth.Simple;

    /// <summary>The delegation token for <see cref="WebHdfsAuth.Token"/>. Never logged.</summary>
    public string? DelegationToken { get; set; }

    /// <summary>With <see cref="WebHdfsAuth.Kerberos"/>: a keytab to log in with instead of the process's ticket cache.</summary>
    public KerberosOptions Kerberos { get; set; } = new();

    /// <summary>A PEM file of the CA certificates that HTTPS servers must chain to; unset: the system's trust store.</summary>
    public string? CaBundlePath { get; set; }

    /// <summary>
    /// Bounds each HTTP exchange until its answer's headers (a NameNode that takes longer counts as down), and then
    /// every read and write of a body: a transfer during which no byte moved for this long fails and is tried again.
    /// </summary>
    [KeyRange(typeof(TimeSpan), WebHdfsDefaults.MinTimeout, WebHdfsDefaults.MaxTimeout, ErrorMessage = WebHdfsDefaults.OutsideRange)]
    public TimeSpan Timeout { get; set; } = WebHdfsDefaults.DefaultTimeout;

    /// <summary>How often an operation that failed in a way that can pass is tried again.</summary>
    [KeyRange(0, WebHdfsDefaults.MaxRetries, ErrorMessage = WebHdfsDefaults.OutsideRange)]
    public int Retries { get; set; } = WebHdfsDefaults.DefaultRetries;

    /// <summary>The first backoff delay before a retry; later ones grow exponentially, with jitter.</summary>
    [KeyRange(typeof(TimeSpan), "00:00:00", WebHdfsDefaults.MaxRetryDelayText, ErrorMessage = WebHdfsDefaults.OutsideRange)]
    public TimeSpan RetryDelay { get; set; } = WebHdfsDefaults.DefaultRetryDelay;

    /// <summary>No single backoff delay is longer, however many retries went before.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = WebHdfsDefaults.DefaultMaxRetryDelay;

    /// <summary>
    /// The longest one operation (a CREATE, an OPEN, one metadata call) may take with all its retries; the defaults
    /// ride out a NameNode restart or failover, start-up safe mode included.
    /// </summary>
    [KeyRange(typeof(TimeSpan), WebHdfsDefaults.MinRetryBudget, WebHdfsDefaults.MaxRetryBudget, ErrorMessage = WebHdfsDefaults.OutsideRange)]
    public TimeSpan RetryBudget { get; set; } = WebHdfsDefaults.DefaultRetryBudget;
}
