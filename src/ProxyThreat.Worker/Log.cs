using Microsoft.Extensions.Logging;

namespace ProxyThreat.Worker;

/// <summary>The worker's log events, with fixed ids.</summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Debug, "Firing started: dates {From:yyyy-MM-dd} to {To:yyyy-MM-dd}")]
    public static partial void FiringStarted(ILogger logger, DateOnly from, DateOnly to);

    [LoggerMessage(2002, LogLevel.Information, "Firing done in {ElapsedMs} ms for {From:yyyy-MM-dd} to {To:yyyy-MM-dd}: investigated {Threats} ({Written} written, {Dismissed} dismissed, {Skipped} skipped, {Failed} failed), failed dates {FailedDates}")]
    public static partial void FiringDone(ILogger logger, long elapsedMs, DateOnly from, DateOnly to, int threats, int written, int dismissed, int skipped, int failed, int failedDates);

    // An idle firing says only this, once: about 100 lines a day at the default cron.
    [LoggerMessage(2014, LogLevel.Information, "Firing done in {ElapsedMs} ms for {From:yyyy-MM-dd} to {To:yyyy-MM-dd}: nothing due")]
    public static partial void FiringIdle(ILogger logger, long elapsedMs, DateOnly from, DateOnly to);

    [LoggerMessage(2003, LogLevel.Warning, "Firing stopped by shutdown after investigating {Threats}; the rest are left for the next start")]
    public static partial void FiringCancelled(ILogger logger, int threats);

    [LoggerMessage(2004, LogLevel.Error, "{Date:yyyy-MM-dd}: the date could not be investigated (threats not attempted: {NotAttempted}): {Reason}")]
    public static partial void DateFailed(ILogger logger, Exception exception, DateOnly date, int notAttempted, string reason);

    [LoggerMessage(2005, LogLevel.Error, "Firing skipped: the decisions file cannot be read: {Reason}")]
    public static partial void DecisionsUnreadable(ILogger logger, string reason);

    [LoggerMessage(EventId = 2006, Message = "{Date:yyyy-MM-dd}: threats {Threats}, due {Due}, waiting to retry {Waiting}, given up {GivenUp}")]
    public static partial void DateChecked(ILogger logger, LogLevel level, DateOnly date, int threats, int due, int waiting, int givenUp);

    [LoggerMessage(2007, LogLevel.Warning, "Given up on {Uri} on {Date:yyyy-MM-dd} after {Attempts} failed attempts (last: {Reason}); it is retried when its score or decision changes")]
    public static partial void ThreatGivenUp(ILogger logger, string uri, DateOnly date, int attempts, string? reason);

    [LoggerMessage(2008, LogLevel.Warning, "A firing was skipped: the previous one was still running (or the service was held up); next firing at {Next}")]
    public static partial void FiringSkipped(ILogger logger, DateTimeOffset? next);

    [LoggerMessage(2009, LogLevel.Information, "Scheduler running: cron '{Cron}' in {TimeZone}, looking back {LookbackDays} days, ledger {LedgerPath}")]
    public static partial void SchedulerStarted(ILogger logger, string cron, string timeZone, int lookbackDays, string ledgerPath);

    [LoggerMessage(2010, LogLevel.Information, "Backfill progress: {DatesDone}/{Dates} dates done, threats investigated: {Threats}, about {SecondsLeft} s left")]
    public static partial void BackfillProgress(ILogger logger, int datesDone, int dates, int threats, long secondsLeft);

    [LoggerMessage(2201, LogLevel.Warning, "Configuration: {Warning}")]
    public static partial void RenamedKey(ILogger logger, string warning);

    [LoggerMessage(2101, LogLevel.Information, "Report of {Date:yyyy-MM-dd} published: {Threats} threats, {Bytes} bytes, report.html under {Location}")]
    public static partial void ReportPublished(ILogger logger, DateOnly date, int threats, int bytes, string location);

    [LoggerMessage(2102, LogLevel.Warning, "Report of {Date:yyyy-MM-dd} not published (the investigation's outputs stand): {Reason}")]
    public static partial void ReportNotPublished(ILogger logger, Exception exception, DateOnly date, string reason);

    [LoggerMessage(2011, LogLevel.Warning, "The decision for {Uri} on {Date:yyyy-MM-dd} (decisions file line {Line}, {Action}) names no threat of that date, so nothing uses it: check the URI for a typo")]
    public static partial void DecisionUnmatched(ILogger logger, string uri, DateOnly date, int line, string action);

    [LoggerMessage(2012, LogLevel.Information, "Backfill {From:yyyy-MM-dd} to {To:yyyy-MM-dd}: {Dates} dates; reading their scores first")]
    public static partial void BackfillScanning(ILogger logger, DateOnly from, DateOnly to, int dates);

    [LoggerMessage(2013, LogLevel.Information, "Backfill found threats on {DatesWithThreats} of {Dates} dates, {Threats} in all (scores unreadable on {Unreadable} dates); investigating")]
    public static partial void BackfillStarting(ILogger logger, int datesWithThreats, int dates, int threats, int unreadable);

    [LoggerMessage(2301, LogLevel.Debug, "Queued the news of {Uri} on {Date:yyyy-MM-dd} for {Receiver} ({Why})")]
    public static partial void DeliveryQueued(ILogger logger, string uri, DateOnly date, string receiver, string why);

    [LoggerMessage(2302, LogLevel.Information, "Announced {Uri} on {Date:yyyy-MM-dd} to {Receiver}: {Detail} (after {Failures} failed tries)")]
    public static partial void Delivered(ILogger logger, string uri, DateOnly date, string receiver, string detail, int failures);

    [LoggerMessage(2303, LogLevel.Information, "Did not announce the change of {Uri} on {Date:yyyy-MM-dd} to {Receiver}: {Detail}")]
    public static partial void DeliveryLeftAlone(ILogger logger, string uri, DateOnly date, string receiver, string detail);

    [LoggerMessage(2304, LogLevel.Warning, "Could not announce {Uri} on {Date:yyyy-MM-dd} (try {Attempt}); kept in the ledger and tried again in {Wait} or later: {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, string uri, DateOnly date, int attempt, TimeSpan wait, string reason);

    [LoggerMessage(2305, LogLevel.Error, "Deliveries were not attempted (the investigation's outputs stand; they are tried at the next firing): {Reason}")]
    public static partial void DeliveriesNotAttempted(ILogger logger, Exception exception, string reason);

    [LoggerMessage(2401, LogLevel.Information, "Hook Hooks:AfterDate for {Date:yyyy-MM-dd} starting: {Program} with {Arguments} arguments")]
    public static partial void HookStarting(ILogger logger, DateOnly date, string program, int arguments);

    [LoggerMessage(2402, LogLevel.Information, "Hook for {Date:yyyy-MM-dd}: {Line}")]
    public static partial void HookOutput(ILogger logger, DateOnly date, string line);

    [LoggerMessage(2403, LogLevel.Warning, "Hook for {Date:yyyy-MM-dd} (standard error): {Line}")]
    public static partial void HookError(ILogger logger, DateOnly date, string line);

    [LoggerMessage(2404, LogLevel.Information, "Hook Hooks:AfterDate for {Date:yyyy-MM-dd} done: {Result}")]
    public static partial void HookSucceeded(ILogger logger, DateOnly date, string result);

    [LoggerMessage(2405, LogLevel.Warning, "Hook Hooks:AfterDate for {Date:yyyy-MM-dd} failed: {Result} ({Failures} in a row); the date's outputs stand, and the hook runs again the next time the date is investigated or fired")]
    public static partial void HookFailed(ILogger logger, DateOnly date, string result, int failures);

    [LoggerMessage(2406, LogLevel.Warning, "Hook Hooks:AfterDate for {Date:yyyy-MM-dd} killed by the stop; it runs again the next time the date is investigated or fired")]
    public static partial void HookStopped(ILogger logger, DateOnly date);

    [LoggerMessage(2407, LogLevel.Warning, "Hook Hooks:AfterDate for {Date:yyyy-MM-dd} not run (the date's outputs stand): {Reason}")]
    public static partial void HookNotRun(ILogger logger, Exception exception, DateOnly date, string reason);
}
