using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;
using ProxyThreat.Pipeline.Sources.GraphQL;
using static ProxyThreat.Pipeline.GraphQL.Tests.Fixtures.SpotSampleTables;

namespace ProxyThreat.Pipeline.GraphQL.Tests.Sources.GraphQL;

/// <summary>With a CA bundle, the server's certificate must chain to it.</summary>
public sealed class HttpHandlersTests
{
    [Fact]
    public async Task Create_CaBundleSignedTheServer_Connects()
    {
        using var ca = CreateCa("ProxyThreat Test CA");
        using var leaf = CreateLeaf(ca);
        var tables = await SpotSampleTables.CreateAsync();
        using var _ = tables;
        await using var server = await SpotGraphQLServer.StartAsync(tables.Hdfs, tables.Layout, leaf);
        var bundle = WriteBundle(ca);
        try
        {
            var threats = await GraphQLClients.Source(GraphQLClients.Options(server.Endpoint, o => o.CaBundlePath = bundle))
                .GetScoredThreatsAsync(Date, CancellationToken.None);

            Assert.Equal(Uri.UriSchemeHttps, server.Endpoint.Scheme);
            Assert.Equal(5, threats.Count);
        }
        finally
        {
            File.Delete(bundle);
        }
    }

    [Fact]
    public async Task Create_CaBundleDidNotSignTheServer_FailsTheRequest()
    {
        using var ca = CreateCa("ProxyThreat Test CA");
        using var other = CreateCa("Some Other CA");
        using var leaf = CreateLeaf(ca);
        var tables = await SpotSampleTables.CreateAsync();
        using var _ = tables;
        await using var server = await SpotGraphQLServer.StartAsync(tables.Hdfs, tables.Layout, leaf);
        var bundle = WriteBundle(other);
        try
        {
            var ex = await Assert.ThrowsAsync<GraphQLException>(
                () => GraphQLClients.Source(GraphQLClients.Options(server.Endpoint, o => (o.CaBundlePath, o.Retries) = (bundle, 0)))
                    .GetScoredThreatsAsync(Date, CancellationToken.None));

            Assert.Contains("the request failed", ex.Message, StringComparison.Ordinal);
            Assert.Empty(server.Requests);
        }
        finally
        {
            File.Delete(bundle);
        }
    }

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 CreateLeaf(X509Certificate2 ca)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), RandomNumberGenerator.GetBytes(8));
        using var withKey = signed.CopyWithPrivateKey(key);

        // Kestrel on Linux wants a certificate whose key it can use for TLS: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private static string WriteBundle(X509Certificate2 ca)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, ca.ExportCertificatePem());
        return path;
    }
}
