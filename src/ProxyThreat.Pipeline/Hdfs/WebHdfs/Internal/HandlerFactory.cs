using System.Net;
using ProxyThreat.Pipeline.Tls;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>Builds the HTTP handler the options ask for: no automatic redirects, and Kerberos when configured, on the shared handler.</summary>
internal static class HandlerFactory
{
    public static SocketsHttpHandler Create(WebHdfsOptions options)
    {
        var handler = HttpHandlers.Create(options.CaBundlePath, $"{WebHdfsOptions.Section}:CaBundlePath");

        // CREATE and OPEN redirects are followed by hand, so that a body goes to the DataNode only.
        handler.AllowAutoRedirect = false;
        handler.UseCookies = false;
        handler.ConnectTimeout = options.Timeout;

        if (options.Auth == WebHdfsAuth.Kerberos)
        {
            // .NET answers the NameNode's "WWW-Authenticate: Negotiate" with the ticket of the process's Kerberos cache.
            handler.Credentials = CredentialCache.DefaultNetworkCredentials;
        }

        return handler;
    }
}
