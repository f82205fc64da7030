using System.Text.Json;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>The <c>RemoteException</c> body a Hadoop server answers a failure with.</summary>
internal sealed record RemoteError(string Exception, string? JavaClassName, string Message)
{
    public const string Standby = "StandbyException";
    public const string FileNotFound = "FileNotFoundException";

    // Failures of the request itself or of the namespace: the same call fails the same way again.
    private static readonly HashSet<string> Permanent = new(StringComparer.Ordinal)
    {
        "AccessControlException", FileNotFound, "DSQuotaExceededException", "NSQuotaExceededException",
        "QuotaExceededException", "FileAlreadyExistsException", "ParentNotDirectoryException",
        "PathIsNotEmptyDirectoryException", "InvalidPathException", "IllegalArgumentException",
        "UnsupportedOperationException", "SecurityException", "AuthorizationException", "InvalidToken",
        "UnresolvedPathException",
    };

    // States a cluster leaves by itself: a failover in progress, safe mode at start-up, a busy server.
    private static readonly HashSet<string> Passing = new(StringComparer.Ordinal)
    {
        Standby, "RetriableException", "SafeModeException", "ConnectException", "SocketTimeoutException",
        "ServerTooBusyException",
    };

    public bool IsTransient(int status) =>
        Passing.Contains(Exception) || (status >= 500 && !Permanent.Contains(Exception));

    /// <summary>Reads a <c>RemoteException</c> body; null when the body is something else.</summary>
    public static RemoteError? Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("RemoteException", out var remote)
                || remote.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var javaClassName = Text(remote, "javaClassName");
            var exception = Text(remote, "exception") ?? javaClassName?[(javaClassName.LastIndexOf('.') + 1)..] ?? "RemoteException";
            return new RemoteError(exception, javaClassName, Text(remote, "message") ?? "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
