namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos;

/// <summary>The worker has no usable Kerberos ticket; the message says why and what to run.</summary>
internal sealed class KerberosLoginException : Exception
{
    public KerberosLoginException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>True when trying again later may succeed (the KDC did not answer).</summary>
    public bool IsTransient { get; }
}
