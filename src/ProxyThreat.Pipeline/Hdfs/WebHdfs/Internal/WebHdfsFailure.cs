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

    /// <summary>What went wrong, without the call: the server's exception, or the reason.</summary>
    public string Cause => RemoteException is null ? Reason ?? "" : $"{RemoteException}: {RemoteMessage}";

    public override string ToString()
    {
        var failure = Destination is null ? $"{Operation} {Path} failed: {Cause}" : $"{Operation} {Path} -> {Destination} failed: {Cause}";
        return Advice is null ? failure : $"{failure}; {Advice}";
    }
}
