using Microsoft.Extensions.Options;
using Quartz;

namespace ProxyThreat.Worker.Scheduling;

/// <summary>
/// Checks the <c>Schedule</c> section at start for what its annotations cannot say (<see cref="ScheduleOptionsAnnotationsValidator"/>
/// checks the ranges); each message names the key.
/// </summary>
public sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var failures = new List<string>();
        const string S = ScheduleOptions.Section;
        try
        {
            _ = new CronExpression(options.Cron);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            failures.Add($"{S}:Cron '{options.Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week): {ex.Message}");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? string.Empty, out _))
        {
            failures.Add($"{S}:TimeZone '{options.TimeZone}' is not a time zone this system knows (e.g. UTC, Europe/Paris)");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
