namespace ProxyThreat.Pipeline.Notify;

/// <summary>Defaults and limits of the <c>Notify</c> section.</summary>
public static class NotifyDefaults
{
    public const string TheHiveSource = "proxythreat";

    /// <summary>The alerts' <c>type</c>.</summary>
    public const string AlertType = "proxythreat";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    public const string MinTimeout = "00:00:01";
    public const string MaxTimeout = "00:10:00";

    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>A receiver down for a day is tried about once an hour at worst, and catches up at its next firing after.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);
    public const string MaxMaxRetryDelay = "1.00:00:00";
}
