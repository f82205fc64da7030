using ProxyThreat.Pipeline.Tls;

namespace ProxyThreat.Pipeline.Sources.GraphQL;

/// <summary>
/// Builds the primary HTTP handler for <see cref="GraphQLHttpClient"/>: with <see cref="GraphQLSourceOptions.CaBundlePath"/>
/// set, the server's certificate must chain to one of the bundle's certificates (and name the host).
/// </summary>
public static class GraphQLHttpHandlerFactory
{
    public static SocketsHttpHandler Create(GraphQLSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (options.CaBundlePath is { } path)
        {
            var trust = new CaBundleTrust(path, $"{GraphQLSourceDefaults.SectionName}:CaBundlePath");
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, presented, errors) => trust.Validate(certificate, presented, errors);
        }

        return handler;
    }
}
