using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ProxyThreat.Pipeline.Tls;

/// <summary>Accepts a server certificate only if it chains to a CA of a PEM bundle and names the host.</summary>
internal sealed class CaBundleTrust
{
    private readonly X509Certificate2Collection _roots = [];

    /// <param name="pemPath">The bundle.</param>
    /// <param name="key">The configuration key that named it, for the message when it holds no certificate.</param>
    public CaBundleTrust(string pemPath, string key)
    {
        _roots.ImportFromPemFile(pemPath);
        if (_roots.Count == 0)
        {
            throw new InvalidOperationException($"{key}: '{pemPath}' holds no PEM certificate.");
        }
    }

    public bool Validate(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        // A missing certificate or one for another host is never acceptable; only the chain is judged anew.
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);

        // Cluster CAs rarely publish revocation lists reachable from the worker.
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
