namespace ProxyThreat.Pipeline.Notify;

/// <summary>
/// A receiver did not take a document, or failed its check. The message names the receiver by host and port and
/// says why, quoting the receiver's own error; it never holds an API key, a header value or a URL's path.
/// </summary>
public sealed class NotifyException : Exception
{
    public NotifyException()
    {
    }

    public NotifyException(string message)
        : base(message)
    {
    }

    public NotifyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="receiver">The receiver's name.</param>
    /// <param name="reason">Why it failed.</param>
    /// <param name="status">The HTTP status of the answer; null when there was none.</param>
    public NotifyException(string receiver, string reason, int? status)
        : base($"{receiver}: {reason}")
    {
        Status = status;
    }

    /// <summary>The HTTP status of the answer; null when none came (not reached, or no answer in time).</summary>
    public int? Status { get; }

    /// <summary>The receiver could not be reached or did not answer in time: its other documents would fail alike now.</summary>
    public bool Unreachable => Status is null or >= 500;
}
