using System.Net;
using ProxyThreat.Pipeline.Tls;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>Builds the HTTP handler the options ask for: no automatic redirects, Kerberos and a CA bundle when configured.</summary>
internal static class HandlerFactory
{
    public static SocketsHttpHandler Create(WebHdfsOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // CREATE and OPEN redirects are followed by hand, so that a body goes to the DataNode only.
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = options.Timeout,

            // The client lives as long as the worker: renew connections so that DNS changes of a NameNode are seen.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };

        if (options.Auth == WebHdfsAuth.Kerberos)
        {
            // .NET answers the NameNode's "WWW-Authenticate: Negotiate" with the ticket of the process's Kerberos cache.
            handler.Credentials = CredentialCache.DefaultNetworkCredentials;
        }

        if (options.CaBundlePath is { Length: > 0 } bundle)
        {
            var trust = new CaBundleTrust(bundle, $"{WebHdfsConstants.SectionName}:CaBundlePath");
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => trust.Validate(certificate, chain, errors);
        }

        return handler;
    }
}
