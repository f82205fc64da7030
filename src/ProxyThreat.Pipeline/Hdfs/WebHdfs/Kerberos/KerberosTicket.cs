namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos;

/// <summary>The credentials the worker authenticates with: whose they are, where they come from, and until when.</summary>
internal sealed record KerberosTicket(string Principal, string Source, DateTimeOffset Expires);
