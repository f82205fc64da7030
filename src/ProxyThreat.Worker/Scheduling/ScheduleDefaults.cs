namespace ProxyThreat.Worker.Scheduling;

/// <summary>Defaults and limits of <see cref="ScheduleOptions"/>.</summary>
public static class ScheduleDefaults
{
    /// <summary>Every 15 minutes (Quartz cron: seconds first).</summary>
    public const string Cron = "0 0/15 * * * ?";
    public const int LookbackDays = 2;
    public const int MaxLookbackDays = 31;
    public const string TimeZone = "UTC";

    public static TimeSpan ShutdownTimeout { get; } = TimeSpan.FromSeconds(30);

    public const string MinShutdownTimeout = "00:00:01";
    public const string MaxShutdownTimeout = "01:00:00";

    /// <summary>A cron firing more than this late (the previous firing was still running) is skipped.</summary>
    public static TimeSpan MisfireThreshold { get; } = TimeSpan.FromSeconds(5);
}
