using ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs;

/// <summary>
/// A WebHDFS operation that failed, with its context. The message names the operation, the path and the server's
/// exception; it never holds a URL, so no delegation token can reach a log through it.
/// </summary>
public sealed class WebHdfsException : Exception
{
    public WebHdfsException()
    {
    }

    public WebHdfsException(string message)
        : base(message)
    {
    }

    public WebHdfsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal WebHdfsException(WebHdfsFailure failure, Exception? innerException = null)
        : base(failure.ToString(), innerException)
    {
        Failure = failure;
        Operation = failure.Operation;
        Path = failure.Path;
        Destination = failure.Destination;
        StatusCode = failure.StatusCode;
        RemoteException = failure.RemoteException;
        RemoteMessage = failure.RemoteMessage;
        IsTransient = failure.IsTransient;
    }

    /// <summary>The failure this was made from; null for one made with a message only.</summary>
    internal WebHdfsFailure? Failure { get; }

    /// <summary>The WebHDFS operation, such as <c>RENAME</c>.</summary>
    public string? Operation { get; }

    public string? Path { get; }

    /// <summary>The destination of a <c>RENAME</c>.</summary>
    public string? Destination { get; }

    /// <summary>The HTTP status of the answer; null when no server answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The server's exception name, such as <c>AccessControlException</c>, when it sent one.</summary>
    public string? RemoteException { get; }

    public string? RemoteMessage { get; }

    /// <summary>True when the same call may succeed later (and was retried as often as configured).</summary>
    public bool IsTransient { get; }
}
