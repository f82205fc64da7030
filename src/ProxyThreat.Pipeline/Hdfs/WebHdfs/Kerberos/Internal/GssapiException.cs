namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos.Internal;

/// <summary>A GSSAPI call failed; the message is MIT Kerberos's own.</summary>
internal sealed class GssapiException : Exception
{
    public GssapiException(string message, uint minorStatus)
        : base(message)
    {
        MinorStatus = minorStatus;
    }

    /// <summary>The mechanism's status code, such as <see cref="Gssapi.KdcUnreachable"/>.</summary>
    public uint MinorStatus { get; }
}
