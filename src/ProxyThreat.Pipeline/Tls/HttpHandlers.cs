using System.Security.Cryptography;

namespace ProxyThreat.Pipeline.Tls;

/// <summary>
/// The HTTP handler every adapter starts from, and the one rule for its CA bundle: with a bundle configured, a
/// server's certificate must chain to one of its certificates and name the host.
/// </summary>
public static class HttpHandlers
{
    /// <param name="caBundlePath">A PEM bundle of CA certificates, or null or empty for the system's trust store.</param>
    /// <param name="caBundleKey">The configuration key that named the bundle, for the messages.</param>
    public static SocketsHttpHandler Create(string? caBundlePath, string caBundleKey)
    {
        // The client lives as long as the worker: renew connections so that a server's DNS changes are seen.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (caBundlePath is { Length: > 0 })
        {
            var trust = new CaBundleTrust(caBundlePath, caBundleKey);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, presented, errors) => trust.Validate(certificate, presented, errors);
        }

        return handler;
    }

    /// <summary>What is wrong with the configured bundle, naming the key, or null when it can be used (or none is configured).</summary>
    public static string? CaBundleProblem(string? caBundlePath, string caBundleKey)
    {
        if (caBundlePath is not { Length: > 0 })
        {
            return null;
        }

        if (!File.Exists(caBundlePath))
        {
            return $"{caBundleKey}: the file '{caBundlePath}' does not exist.";
        }

        try
        {
            _ = new CaBundleTrust(caBundlePath, caBundleKey);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return $"{caBundleKey}: '{caBundlePath}' is not a readable PEM bundle of certificates: {ex.Message}";
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }
    }
}
