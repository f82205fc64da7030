namespace ProxyThreat.Pipeline.Hdfs.WebHdfs;

/// <summary>How calls authenticate.</summary>
public enum WebHdfsAuth
{
    /// <summary>Pseudo authentication: <c>user.name=</c> in the query.</summary>
    Simple,

    /// <summary>A delegation token: <c>delegation=</c> in the query.</summary>
    Token,

    /// <summary>SPNEGO (<c>Authorization: Negotiate</c>) with the process's Kerberos credentials.</summary>
    Kerberos,
}
