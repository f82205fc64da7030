using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

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
            var roots = LoadBundle(path);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, presented, errors) =>
                ValidateAgainst(roots, certificate, presented, errors);
        }

        return handler;
    }

    /// <summary>The certificates of a PEM bundle; a bundle with none is an error.</summary>
    public static X509Certificate2Collection LoadBundle(string path)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        if (roots.Count == 0)
        {
            throw new InvalidOperationException($"{GraphQLSourceDefaults.SectionName}:CaBundlePath holds no PEM certificate: {path}");
        }

        return roots;
    }

    private static bool ValidateAgainst(X509Certificate2Collection roots, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);

        // A private CA publishes no revocation lists the worker could reach.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
