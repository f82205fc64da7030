namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos;

/// <summary>
/// How the worker gets its Kerberos tickets with <see cref="WebHdfsAuth.Kerberos"/>; bound from
/// <c>Hdfs:WebHdfs:Kerberos</c>. Unset: the process's ticket cache, kept fresh by the operator (<c>kinit</c>).
/// </summary>
public sealed class KerberosOptions
{
    public const string Section = WebHdfsOptions.Section + ":Kerberos";

    /// <summary>A keytab holding <see cref="Principal"/>'s keys: the worker then gets and renews its tickets itself.</summary>
    public string? Keytab { get; set; }

    /// <summary>The principal to log in as with <see cref="Keytab"/>, such as <c>proxythreat@EXAMPLE.ORG</c>.</summary>
    public string? Principal { get; set; }
}
