using Microsoft.Extensions.Logging;

namespace ProxyThreat.Pipeline;

/// <summary>The pipeline's log events, with fixed ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Investigated {Uri} on {Date}: {Status}; rows {Rows}, clients {Clients}, requests {Requests}, timeline rows {TimelineRows}, story from {Origin}, in {ElapsedMs} ms")]
    public static partial void ThreatInvestigated(ILogger logger, string uri, string date, string status, int rows, int clients, int requests, int timelineRows, string origin, long elapsedMs);

    [LoggerMessage(1002, LogLevel.Warning, "Dismissed by an analyst, nothing written: {Uri} on {Date}")]
    public static partial void ThreatDismissed(ILogger logger, string uri, string date);

    [LoggerMessage(1003, LogLevel.Warning, "No decision or storyboard entry yet and MissingDecision is skip, left for later: {Uri} on {Date}")]
    public static partial void ThreatSkipped(ILogger logger, string uri, string date);

    [LoggerMessage(1004, LogLevel.Error, "Investigation of {Uri} on {Date} failed after {ElapsedMs} ms: {Reason}")]
    public static partial void ThreatFailed(ILogger logger, Exception exception, string uri, string date, long elapsedMs, string reason);

    [LoggerMessage(1005, LogLevel.Information, "{Date}: selected threats {Threats}, scored URIs {Scored}, analyst decisions loaded {Decisions}")]
    public static partial void DateSelected(ILogger logger, string date, int threats, int scored, int decisions);

    [LoggerMessage(1006, LogLevel.Warning, "{Uri} is not scored with a selected severity on {Date}")]
    public static partial void UriNotAThreat(ILogger logger, string uri, string date);

    [LoggerMessage(1007, LogLevel.Debug, "Investigation of {Uri} on {Date} failed after {ElapsedMs} ms, as an earlier threat's did: {Reason}")]
    public static partial void ThreatFailedAgain(ILogger logger, string uri, string date, long elapsedMs, string reason);

    [LoggerMessage(1008, LogLevel.Error, "{Count} threats of {Date} failed the same way: {Reason}")]
    public static partial void ThreatsFailedAlike(ILogger logger, int count, string date, string reason);

    [LoggerMessage(4001, LogLevel.Warning, "GraphQL {Operation} at {Endpoint} failed on attempt {Attempt} of {Attempts}, retrying in {Delay}: {Reason}")]
    public static partial void GraphQLRetrying(ILogger logger, string operation, Uri endpoint, int attempt, int attempts, TimeSpan delay, string reason);

    [LoggerMessage(4002, LogLevel.Debug, "GraphQL {Operation} at {Endpoint} answered {Rows} rows in {Elapsed}")]
    public static partial void GraphQLAnswered(ILogger logger, string operation, Uri endpoint, int rows, TimeSpan elapsed);

    // WebHDFS servers appear as host:port only, so no delegation token can reach a log.
    [LoggerMessage(3001, LogLevel.Warning, "WebHDFS {Operation} {Path}: NameNode {NameNode} did not serve ({Reason}); trying the next")]
    public static partial void WebHdfsFailingOver(ILogger logger, string operation, string path, string nameNode, string reason);

    [LoggerMessage(3002, LogLevel.Information, "WebHDFS NameNode {NameNode} is now the active one")]
    public static partial void WebHdfsActiveNameNode(ILogger logger, string nameNode);

    [LoggerMessage(3003, LogLevel.Warning, "WebHDFS try {Attempt} failed, retrying in {Delay}: {Failure}")]
    public static partial void WebHdfsRetrying(ILogger logger, int attempt, TimeSpan delay, string failure);

    [LoggerMessage(3004, LogLevel.Information, "WebHDFS gateway cannot replace {Destination} in one step; replacing it through {Backup}")]
    public static partial void WebHdfsReplacingThroughBackup(ILogger logger, string destination, string backup);

    [LoggerMessage(3005, LogLevel.Warning, "WebHDFS restored {Destination} from the backup {Backup} an interrupted rename left")]
    public static partial void WebHdfsRestoredBackup(ILogger logger, string destination, string backup);

    [LoggerMessage(3006, LogLevel.Information, "WebHDFS removed the stale backup {Backup}; {Destination} holds the newer file")]
    public static partial void WebHdfsRemovedStaleBackup(ILogger logger, string destination, string backup);

    [LoggerMessage(3007, LogLevel.Warning, "WebHDFS replaced {Destination} but could not delete its backup {Backup}; the next rename to it removes it")]
    public static partial void WebHdfsBackupLeftBehind(ILogger logger, Exception exception, string destination, string backup);

    [LoggerMessage(3009, LogLevel.Warning, "WebHDFS RENAME {Source} -> {Destination}: an earlier try's answer was lost, but the rename was done (the source is gone, the destination holds its {Length} bytes)")]
    public static partial void WebHdfsRenameFoundDone(ILogger logger, string source, string destination, long length);

    [LoggerMessage(3008, LogLevel.Error, "WebHDFS could not put the backup {Backup} back to {Destination}; the next rename to it restores it")]
    public static partial void WebHdfsRestoreFailed(ILogger logger, Exception exception, string destination, string backup);

    [LoggerMessage(3101, LogLevel.Information, "Kerberos: authenticating to WebHDFS as {Principal} with {Source}, ticket valid until {Expires:u}")]
    public static partial void KerberosLoggedIn(ILogger logger, string principal, string source, DateTimeOffset expires);
}
