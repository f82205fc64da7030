namespace ProxyThreat.Worker.Scheduling;

/// <summary>The dates a firing looks at: today in the configured time zone and the days before it.</summary>
public static class LookbackWindow
{
    public static (DateOnly From, DateOnly To) At(DateTimeOffset now, TimeZoneInfo zone, int days)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return (today.AddDays(1 - days), today);
    }

    public static (DateOnly From, DateOnly To) At(DateTimeOffset now, ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return At(now, Zone(options), options.LookbackDays);
    }

    /// <summary>The time zone that says what "today" is, and in which the cron runs.</summary>
    public static TimeZoneInfo Zone(ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
    }
}
