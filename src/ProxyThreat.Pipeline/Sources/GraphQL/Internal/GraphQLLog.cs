using Microsoft.Extensions.Logging;

namespace ProxyThreat.Pipeline.Sources.GraphQL.Internal;

/// <summary>The GraphQL source's log messages (event ids 4100-4199). Header values never appear here.</summary>
internal static partial class GraphQLLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "GraphQL {Operation} at {Endpoint} failed on attempt {Attempt} of {Attempts}, retrying in {Delay}: {Reason}")]
    public static partial void Retrying(ILogger logger, string operation, Uri endpoint, int attempt, int attempts, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug,
        Message = "GraphQL {Operation} at {Endpoint} answered {Rows} rows in {Elapsed}")]
    public static partial void Answered(ILogger logger, string operation, Uri endpoint, int rows, TimeSpan elapsed);
}
