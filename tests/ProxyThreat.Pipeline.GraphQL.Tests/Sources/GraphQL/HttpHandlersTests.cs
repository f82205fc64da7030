using ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;
using ProxyThreat.Pipeline.Sources.GraphQL;
using static ProxyThreat.Pipeline.GraphQL.Tests.Fixtures.SpotSampleTables;

namespace ProxyThreat.Pipeline.GraphQL.Tests.Sources.GraphQL;

/// <summary>With a CA bundle, the server's certificate must chain to it.</summary>
public sealed class HttpHandlersTests : IClassFixture<SpotSampleTables>
{
    private readonly SpotSampleTables _tables;

    public HttpHandlersTests(SpotSampleTables tables)
    {
        _tables = tables;
    }

    [Fact]
    public async Task Create_CaBundleSignedTheServer_Connects()
    {
        using var certificates = TestCertificates.Create("ProxyThreat Test");
        await using var server = await SpotGraphQLServer.StartAsync(_tables.Hdfs, _tables.Layout, certificates.Server);
        var bundle = certificates.WriteAuthorityPem(Path.GetTempPath());
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
        using var certificates = TestCertificates.Create("ProxyThreat Test");
        using var other = TestCertificates.Create("Some Other");
        await using var server = await SpotGraphQLServer.StartAsync(_tables.Hdfs, _tables.Layout, certificates.Server);
        var bundle = other.WriteAuthorityPem(Path.GetTempPath());
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
}
