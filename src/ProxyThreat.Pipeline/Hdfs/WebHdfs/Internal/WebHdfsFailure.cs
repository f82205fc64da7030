namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>What went wrong in one WebHDFS call; becomes a <see cref="WebHdfsException"/>.</summary>
internal sealed record WebHdfsFailure(
    string Operation,
    string Path,
    string? Destination,
    int? StatusCode,
    string? RemoteException,
    string? RemoteMessage,
    string? Reason,
    bool IsTransient)
{
    public static WebHdfsFailure Remote(WebHdfsCall call, int status, RemoteError error) =>
        new(call.Operation, call.Path, call.Destination, status, error.Exception, error.Message, null, error.IsTransient(status));

    public static WebHdfsFailure Other(WebHdfsCall call, int? status, string reason, bool transient) =>
        new(call.Operation, call.Path, call.Destination, status, null, null, reason, transient);

    public WebHdfsException ToException(Exception? inner = null) => new(this, inner);

    public override string ToString()
    {
        var what = Destination is null ? $"{Operation} {Path}" : $"{Operation} {Path} -> {Destination}";
        return RemoteException is null ? $"{what} failed: {Reason}" : $"{what} failed: {RemoteException}: {RemoteMessage}";
    }
}
