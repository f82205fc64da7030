using ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Tests.Support;
using static ProxyThreat.Pipeline.GraphQL.Tests.Fixtures.SpotSampleTables;

namespace ProxyThreat.Pipeline.GraphQL.Tests.Sources.GraphQL;

/// <summary>The GraphQL source reads what the tables source reads, over the same tables, through a real server.</summary>
public sealed class GraphQLSourceTests : IClassFixture<SpotSampleTables>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly SpotSampleTables _tables;

    public GraphQLSourceTests(SpotSampleTables tables)
    {
        _tables = tables;
    }

    [Fact]
    public async Task GetScoredThreatsAsync_SameTables_ReturnsWhatTablesSourceReturns()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        var expected = await spot.Tables.Source.GetScoredThreatsAsync(Date, None);

        var actual = await GraphQLClients.Source(GraphQLClients.Options(spot.Server.Endpoint)).GetScoredThreatsAsync(Date, None);

        Assert.Equal(5, expected.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task GetStoryboardEntriesAsync_SameTables_ReturnsWhatTablesSourceReturns()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        var expected = await spot.Tables.Source.GetStoryboardEntriesAsync(Date, None);

        var actual = await GraphQLClients.Source(GraphQLClients.Options(spot.Server.Endpoint)).GetStoryboardEntriesAsync(Date, None);

        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task SearchAsync_SameTables_ReturnsTheSameRowsInTheSameOrder()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        string[] uris = [Threat, OtherThreat, Silent, Threat];
        var expected = (await Searched.AllAsync(spot.Tables.Source.SearchAsync(Date, uris, None))).ToDictionary(s => s.Uri);

        var actual = await Searched.AllAsync(GraphQLClients.Source(GraphQLClients.Options(spot.Server.Endpoint)).SearchAsync(Date, uris, None));

        Assert.Equal(3, actual.Count);
        Assert.Equal(6, expected[Threat].Found.Count);
        Assert.Contains(expected[Threat].Found, r => r.ResponseCode is null);
        foreach (var search in actual)
        {
            Assert.Null(search.Error);
            Assert.Equal(expected[search.Uri].Found, search.Found);
        }
    }

    [Fact]
    public async Task SearchAsync_RowsRepeatingATextOfTheAnswer_HoldItOnce()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);

        var search = Assert.Single(await Searched.AllAsync(GraphQLClients.Source(GraphQLClients.Options(spot.Server.Endpoint)).SearchAsync(Date, [Threat], None)));

        var requests = search.Found.Where(r => r.FullUri == Threat).ToList();
        Assert.True(requests.Count > 1);
        Assert.All(requests, r => Assert.Same(requests[0].FullUri, r.FullUri));
    }

    [Fact]
    public async Task AllReads_SendValidQueriesWithValuesInVariablesOnly()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        var source = GraphQLClients.Source(GraphQLClients.Options(spot.Server.Endpoint));

        await source.GetScoredThreatsAsync(Date, None);
        await source.GetStoryboardEntriesAsync(Date, None);
        await source.SearchAsync(Date, [Threat, OtherThreat], None).ToListAsync(None);

        var requests = spot.Server.Requests;
        Assert.Equal(4, requests.Count);
        Assert.All(requests, r => Assert.Empty(r.ValidationErrors));
        Assert.All(requests, r => Assert.Equal("2016-07-08", r.Variables["date"]));
        Assert.All(requests, r => Assert.DoesNotContain("2016", r.Query, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.DoesNotContain("example", r.Query, StringComparison.Ordinal));
        Assert.Equal(
            new[] { OtherThreat, Threat },
            requests.Where(r => r.Variables.ContainsKey("uri")).Select(r => r.Variables["uri"]).Order(StringComparer.Ordinal));
        Assert.Contains(requests, r => r.Query!.Contains("list(date: $date) { datetime uri score }", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Query!.Contains("comments(date: $date) { uri title text }", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Query!.Contains("details(date: $date, uri: $uri)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_OneUriFails_OthersStillAnswer()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.GraphQLError;
        spot.Server.FaultWhen = r => r.Variables.GetValueOrDefault("uri") == OtherThreat;

        var results = (await Searched.AllAsync(GraphQLClients.Source(GraphQLClients.Options(spot.Server.Endpoint))
            .SearchAsync(Date, [Threat, OtherThreat, Silent], None)))
            .ToDictionary(s => s.Uri);

        var failed = Assert.IsType<ProxyThreat.Pipeline.Sources.GraphQL.GraphQLException>(results[OtherThreat].Error);
        Assert.Contains("Could not resolve table reference", failed.Message, StringComparison.Ordinal);
        Assert.Empty(results[OtherThreat].Found);
        Assert.Null(results[Threat].Error);
        Assert.Equal(6, results[Threat].Found.Count);
        Assert.Null(results[Silent].Error);
        Assert.Empty(results[Silent].Found);
    }

    [Fact]
    public async Task SearchAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.Slow;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var search = GraphQLClients.Source(GraphQLClients.Options(spot.Server.Endpoint)).SearchAsync(Date, [Threat, OtherThreat], cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await search.ToListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SearchAsync_ReaderStopsEarly_CancelsTheSearchesStillRunning()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Fault = ServerFault.Slow;
        spot.Server.FaultWhen = r => r.Variables.GetValueOrDefault("uri") != Threat;
        var source = GraphQLClients.Source(GraphQLClients.Options(spot.Server.Endpoint));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        ExpandedSearch? first = null;
        await foreach (var search in source.SearchAsync(Date, [Threat, OtherThreat, Silent], None))
        {
            first = search;
            break;
        }

        Assert.Equal(Threat, first?.Uri);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {clock.Elapsed}");
    }
}
