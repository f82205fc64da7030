namespace ProxyThreat.Pipeline.Notify;

/// <summary>Defaults and limits of the <c>Notify</c> section.</summary>
public static class NotifyDefaults
{
    public const string TheHiveSource = "proxythreat";

    /// <summary>The alerts' <c>type</c>.</summary>
    public const string AlertType = "proxythreat";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MinTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>A receiver down for a day is tried about once an hour at worst, and catches up at its next firing after.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxMaxRetryDelay = TimeSpan.FromDays(1);
}
