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

    /// <summary>What the operator should do about it, when the failure itself does not say.</summary>
    public string? Advice { get; init; }

    public WebHdfsException ToException(Exception? inner = null) => new(this, inner);

    public override string ToString()
    {
        var what = Destination is null ? $"{Operation} {Path}" : $"{Operation} {Path} -> {Destination}";
        var failure = RemoteException is null ? $"{what} failed: {Reason}" : $"{what} failed: {RemoteException}: {RemoteMessage}";
        return Advice is null ? failure : $"{failure}; {Advice}";
    }
}
