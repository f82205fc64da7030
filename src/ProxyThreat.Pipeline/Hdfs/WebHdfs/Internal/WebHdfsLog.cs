using Microsoft.Extensions.Logging;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>The adapter's log events. Servers appear as host:port only, so no token can reach a log.</summary>
internal static partial class WebHdfsLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "WebHDFS {Operation} {Path}: NameNode {NameNode} did not serve ({Reason}); trying the next")]
    public static partial void FailingOver(ILogger logger, string operation, string path, string nameNode, string reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "WebHDFS NameNode {NameNode} is now the active one")]
    public static partial void ActiveNameNode(ILogger logger, string nameNode);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "WebHDFS try {Attempt} failed, retrying in {Delay}: {Failure}")]
    public static partial void Retrying(ILogger logger, int attempt, TimeSpan delay, string failure);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "WebHDFS gateway cannot replace {Destination} in one step; replacing it through {Backup}")]
    public static partial void ReplacingThroughBackup(ILogger logger, string destination, string backup);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "WebHDFS restored {Destination} from the backup {Backup} an interrupted rename left")]
    public static partial void RestoredBackup(ILogger logger, string destination, string backup);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "WebHDFS removed the stale backup {Backup}; {Destination} holds the newer file")]
    public static partial void RemovedStaleBackup(ILogger logger, string destination, string backup);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "WebHDFS replaced {Destination} but could not delete its backup {Backup}; the next rename to it removes it")]
    public static partial void BackupLeftBehind(ILogger logger, Exception exception, string destination, string backup);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Error, Message = "WebHDFS could not put the backup {Backup} back to {Destination}; the next rename to it restores it")]
    public static partial void RestoreFailed(ILogger logger, Exception exception, string destination, string backup);
}
