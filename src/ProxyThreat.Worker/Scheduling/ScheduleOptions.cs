using ProxyThreat.Pipeline;

namespace ProxyThreat.Worker.Scheduling;

/// <summary>Configuration section <c>Schedule</c>: when the <c>run</c> verb looks for new work, and how long it may take to stop.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    /// <summary>A Quartz cron expression (seconds first), in <see cref="TimeZone"/>.</summary>
    public string Cron { get; set; } = ScheduleDefaults.Cron;

    /// <summary>How many dates each firing looks at: today and the days before it.</summary>
    [KeyRange(1, ScheduleDefaults.MaxLookbackDays)]
    public int LookbackDays { get; set; } = ScheduleDefaults.LookbackDays;

    /// <summary>The time zone that says what "today" is and in which the cron runs.</summary>
    public string TimeZone { get; set; } = ScheduleDefaults.TimeZone;

    /// <summary>How long a stop may take: in-flight work is cancelled and the process exits within it.</summary>
    [KeyRange(typeof(TimeSpan), ScheduleDefaults.MinShutdownTimeout, ScheduleDefaults.MaxShutdownTimeout)]
    public TimeSpan ShutdownTimeout { get; set; } = ScheduleDefaults.ShutdownTimeout;
}
