using Microsoft.Extensions.Logging.Testing;
using System.Net;
using ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;
using ProxyThreat.Pipeline.Sources.GraphQL;
using static ProxyThreat.Pipeline.GraphQL.Tests.Fixtures.SpotSampleTables;

namespace ProxyThreat.Pipeline.GraphQL.Tests.Sources.GraphQL;

/// <summary>Every way an answer can go wrong is a clear <see cref="GraphQLException"/>, retried only where that may help.</summary>
public sealed class GraphQLHttpClientTests : IClassFixture<SpotSampleTables>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly SpotSampleTables _tables;

    public GraphQLHttpClientTests(SpotSampleTables tables)
    {
        _tables = tables;
    }

    [Fact]
    public async Task Query_AnswerHasErrors_FailsQuotingTheServerWithoutRetry()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.GraphQLError;

        var ex = await Assert.ThrowsAsync<GraphQLException>(() => Source(spot).GetScoredThreatsAsync(Date, None));

        Assert.Contains("\"AnalysisException: Could not resolve table reference: 'spotdb.proxy'\"", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["AnalysisException: Could not resolve table reference: 'spotdb.proxy'"], ex.ServerErrors);
        Assert.Equal("threats.list", ex.Operation);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Single(spot.Server.Requests);
    }

    [Fact]
    public async Task Query_ErrorsFollowData_FailsAndDiscardsTheRows()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.ErrorsAfterData;
        var source = Source(spot);

        var ex = await Assert.ThrowsAsync<GraphQLException>(() => source.GetStoryboardEntriesAsync(Date, None));
        using var search = await source.SearchAsync(Date, [Threat], None).SingleAsync(None);

        Assert.Contains("ImpalaRuntimeException: scan cancelled after 2 rows", ex.Message, StringComparison.Ordinal);
        Assert.IsType<GraphQLException>(search.Error);
        Assert.Equal(0, search.Rows.Count);
    }

    [Fact]
    public async Task Query_Server500Once_RetriesAndSucceeds()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.Status500;
        spot.Server.FaultTimes = 1;
        var logger = new FakeLogger<GraphQLHttpClient>();

        var threats = await Source(spot, logger: logger).GetScoredThreatsAsync(Date, None);

        Assert.Equal(await spot.Tables.Source.GetScoredThreatsAsync(Date, None), threats);
        Assert.Equal(2, spot.Server.Requests.Count);
        Assert.Contains(logger.Collector.Texts(), m => m.Contains("4001", StringComparison.Ordinal) && m.Contains("500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query_Server500Always_FailsAfterRetriesPlusOneAttempts()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.Status500;

        var ex = await Assert.ThrowsAsync<GraphQLException>(() => Source(spot, o => o.Retries = 3).GetScoredThreatsAsync(Date, None));

        Assert.Equal(4, spot.Server.Requests.Count);
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Contains("500", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Impala daemon unreachable: connection refused", ex.Message, StringComparison.Ordinal);
        Assert.Contains("gave up after 4 attempts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_Status400_FailsQuotingTheServerWithoutRetry()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.Status400;

        var ex = await Assert.ThrowsAsync<GraphQLException>(() => Source(spot).GetScoredThreatsAsync(Date, None));

        Assert.Single(spot.Server.Requests);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("\"Request rejected by the gateway\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_SlowAnswer_TimesOutWithAClearMessage()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.Slow;

        var ex = await Assert.ThrowsAsync<GraphQLException>(
            () => Source(spot, o => (o.Timeout, o.Retries) = (TimeSpan.FromMilliseconds(300), 1)).GetScoredThreatsAsync(Date, None));

        Assert.Contains("no complete answer within 0.3 s (Source:GraphQL:Timeout)", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.IsTransient);
        Assert.Equal(2, ex.Attempts);
        Assert.Equal(2, spot.Server.Requests.Count);
    }

    [Fact]
    public async Task Query_ConnectionCutMidBodyOnce_RetriesAndSucceeds()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.CutMidBody;
        spot.Server.FaultTimes = 1;

        using var search = await Source(spot).SearchAsync(Date, [Threat], None).SingleAsync(None);

        Assert.Null(search.Error);
        Assert.Equal(6, search.Rows.Count);
        Assert.Equal(2, spot.Server.Requests.Count);
    }

    [Fact]
    public async Task Query_ConnectionCutMidBodyAlways_FailsClearly()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.CutMidBody;

        var ex = await Assert.ThrowsAsync<GraphQLException>(() => Source(spot, o => o.Retries = 1).GetStoryboardEntriesAsync(Date, None));

        Assert.True(ex.IsTransient);
        Assert.Equal(2, ex.Attempts);
        Assert.Contains("the answer was cut off", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, spot.Server.Requests.Count);
    }

    [Fact]
    public async Task Query_TruncatedBodyOnce_RetriesAndSucceeds()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.TruncatedBody;
        spot.Server.FaultTimes = 1;

        var threats = await Source(spot).GetScoredThreatsAsync(Date, None);

        Assert.NotEmpty(threats);
        Assert.Equal(2, spot.Server.Requests.Count);
    }

    [Fact]
    public async Task Query_MalformedBodyAlways_RetriesThenFailsQuotingTheAnswer()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.MalformedBody;

        var ex = await Assert.ThrowsAsync<GraphQLException>(() => Source(spot).GetScoredThreatsAsync(Date, None));

        Assert.Contains("the answer is not a GraphQL JSON answer", ex.Message, StringComparison.Ordinal);
        Assert.Contains("it began \"<html><body>502 Bad Gateway</body></html>\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(gave up after 3 attempts)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, spot.Server.Requests.Count);
    }

    [Fact]
    public async Task Query_DataProxyNull_FailsRatherThanAnsweringEmpty()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.NullProxy;
        var source = Source(spot);

        var ex = await Assert.ThrowsAsync<GraphQLException>(() => source.GetScoredThreatsAsync(Date, None));
        using var search = await source.SearchAsync(Date, [Threat], None).SingleAsync(None);

        Assert.Contains("the answer has no data.proxy", ex.Message, StringComparison.Ordinal);
        Assert.Contains("data.proxy", Assert.IsType<GraphQLException>(search.Error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_HeadersFromOptions_AreSentButNeverLoggedOrQuoted()
    {
        const string secret = "Bearer s3cr3t-t0ken";
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.Status500;
        spot.Server.FaultTimes = 1;
        var logger = new FakeLogger<GraphQLHttpClient>();
        var source = Source(spot, o =>
        {
            o.Headers["Authorization"] = secret;
            o.Headers["X-Spot-Tenant"] = "tenant-key-42";
        }, logger);

        await source.GetScoredThreatsAsync(Date, None);
        spot.Server.FaultTimes = int.MaxValue;
        var ex = await Assert.ThrowsAsync<GraphQLException>(() => source.GetStoryboardEntriesAsync(Date, None));

        Assert.All(spot.Server.Requests, r => Assert.Equal(secret, r.Headers["Authorization"]));
        Assert.All(spot.Server.Requests, r => Assert.Equal("tenant-key-42", r.Headers["X-Spot-Tenant"]));
        Assert.DoesNotContain("s3cr3t", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tenant-key-42", ex.ToString(), StringComparison.Ordinal);
        var logged = logger.Collector.Texts();
        Assert.NotEmpty(logged);
        Assert.All(logged, m => Assert.DoesNotContain("s3cr3t", m, StringComparison.Ordinal));
        Assert.All(logged, m => Assert.DoesNotContain("tenant-key-42", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query_NoServerListening_FailsAsTransportFailureAfterRetries()
    {
        Uri endpoint;
        await using (var spot = await SpotServerFixture.StartAsync(_tables))
        {
            endpoint = spot.Server.Endpoint;
        }

        var ex = await Assert.ThrowsAsync<GraphQLException>(
            () => GraphQLClients.Source(GraphQLClients.Options(endpoint, o => o.Retries = 1)).GetScoredThreatsAsync(Date, None));

        Assert.Contains("the request failed", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.StatusCode);
        Assert.Equal(2, ex.Attempts);
    }

    private static GraphQLSource Source(SpotServerFixture spot, Action<GraphQLSourceOptions>? configure = null, FakeLogger<GraphQLHttpClient>? logger = null) =>
        GraphQLClients.Source(GraphQLClients.Options(spot.Server.Endpoint, configure), logger);
}
