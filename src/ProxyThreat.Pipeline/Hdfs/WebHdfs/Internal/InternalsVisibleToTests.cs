using System.Runtime.CompilerServices;

// The WebHDFS tests check the HTTP handler the options build (Kerberos, redirects), which no loopback server can show.
[assembly: InternalsVisibleTo("ProxyThreat.Pipeline.WebHdfs.Tests")]

// The Kerberos tests point their own process at their realm (KRB5_CONFIG) where MIT Kerberos reads it.
[assembly: InternalsVisibleTo("ProxyThreat.Kerberos.Tests")]
