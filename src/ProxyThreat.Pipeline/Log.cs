using Microsoft.Extensions.Logging;
using ProxyThreat.Pipeline.Investigation;

namespace ProxyThreat.Pipeline;

/// <summary>The pipeline's log events, with fixed ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Investigated {Uri} on {Date}: {Status}, {Rows} rows, {Clients} clients, {Requests} requests, {TimelineRows} timeline rows, story from {Origin}, in {ElapsedMs} ms")]
    public static partial void ThreatInvestigated(ILogger logger, string uri, DateOnly date, ThreatStatus status, int rows, int clients, int requests, int timelineRows, StoryOrigin origin, long elapsedMs);

    [LoggerMessage(1002, LogLevel.Warning, "Dismissed by an analyst, nothing written: {Uri} on {Date}")]
    public static partial void ThreatDismissed(ILogger logger, string uri, DateOnly date);

    [LoggerMessage(1003, LogLevel.Warning, "No decision or storyboard entry yet and MissingDecision is skip, left for later: {Uri} on {Date}")]
    public static partial void ThreatSkipped(ILogger logger, string uri, DateOnly date);

    [LoggerMessage(1004, LogLevel.Error, "Investigation of {Uri} on {Date} failed after {ElapsedMs} ms: {Reason}")]
    public static partial void ThreatFailed(ILogger logger, Exception exception, string uri, DateOnly date, long elapsedMs, string reason);

    [LoggerMessage(1005, LogLevel.Information, "{Date}: {Threats} threats selected from {Scored} scored URIs, {Decisions} analyst decisions loaded")]
    public static partial void DateSelected(ILogger logger, DateOnly date, int threats, int scored, int decisions);

    [LoggerMessage(1006, LogLevel.Warning, "{Uri} is not scored with a selected severity on {Date}")]
    public static partial void UriNotAThreat(ILogger logger, string uri, DateOnly date);
}
