using System.Runtime.CompilerServices;

// The WebHDFS tests check the HTTP handler the options build (Kerberos, redirects), which no loopback server can show.
[assembly: InternalsVisibleTo("ProxyThreat.Pipeline.WebHdfs.Tests")]
