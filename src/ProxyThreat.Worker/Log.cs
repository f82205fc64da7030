using Microsoft.Extensions.Logging;

namespace ProxyThreat.Worker;

/// <summary>The worker's log events, with fixed ids.</summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Information, "Firing started: dates {From:yyyy-MM-dd} to {To:yyyy-MM-dd}")]
    public static partial void FiringStarted(ILogger logger, DateOnly from, DateOnly to);

    [LoggerMessage(2002, LogLevel.Information, "Firing done in {ElapsedMs} ms: {Threats} threats investigated ({Written} written, {Dismissed} dismissed, {Skipped} skipped, {Failed} failed), {FailedDates} dates failed")]
    public static partial void FiringDone(ILogger logger, long elapsedMs, int threats, int written, int dismissed, int skipped, int failed, int failedDates);

    [LoggerMessage(2003, LogLevel.Warning, "Firing stopped by shutdown after {Threats} threats; the rest are left for the next start")]
    public static partial void FiringCancelled(ILogger logger, int threats);

    [LoggerMessage(2004, LogLevel.Error, "{Date:yyyy-MM-dd}: the date could not be investigated: {Reason}")]
    public static partial void DateFailed(ILogger logger, Exception exception, DateOnly date, string reason);

    [LoggerMessage(2005, LogLevel.Error, "Firing skipped: the decisions file cannot be read: {Reason}")]
    public static partial void DecisionsUnreadable(ILogger logger, string reason);

    [LoggerMessage(2006, LogLevel.Information, "{Date:yyyy-MM-dd}: {Threats} threats, {Due} due; {Waiting} waiting to retry, {GivenUp} given up")]
    public static partial void DateChecked(ILogger logger, DateOnly date, int threats, int due, int waiting, int givenUp);

    [LoggerMessage(2007, LogLevel.Warning, "Given up on {Uri} on {Date:yyyy-MM-dd} after {Attempts} failed attempts (last: {Reason}); it is retried when its score or decision changes")]
    public static partial void ThreatGivenUp(ILogger logger, string uri, DateOnly date, int attempts, string? reason);

    [LoggerMessage(2008, LogLevel.Warning, "A firing was skipped: the previous one was still running (or the service was held up); next firing at {Next}")]
    public static partial void FiringSkipped(ILogger logger, DateTimeOffset? next);

    [LoggerMessage(2009, LogLevel.Information, "Scheduler running: cron '{Cron}' in {TimeZone}, looking back {LookbackDays} days, ledger {LedgerPath}")]
    public static partial void SchedulerStarted(ILogger logger, string cron, string timeZone, int lookbackDays, string ledgerPath);

    [LoggerMessage(2010, LogLevel.Information, "Backfill progress: {DatesDone}/{Dates} dates, {Threats} threats, about {SecondsLeft} s left")]
    public static partial void BackfillProgress(ILogger logger, int datesDone, int dates, int threats, long secondsLeft);

    [LoggerMessage(2101, LogLevel.Information, "Report of {Date:yyyy-MM-dd} published: {Threats} threats, {Bytes} bytes, report.html under {Location}")]
    public static partial void ReportPublished(ILogger logger, DateOnly date, int threats, int bytes, string location);

    [LoggerMessage(2102, LogLevel.Warning, "Report of {Date:yyyy-MM-dd} not published (the investigation's outputs stand): {Reason}")]
    public static partial void ReportNotPublished(ILogger logger, Exception exception, DateOnly date, string reason);
}
