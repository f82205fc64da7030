namespace ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;

/// <summary>A GraphQL server over the sample tables, for one test; the tables are the test class's and outlive it.</summary>
public sealed class SpotServerFixture : IAsyncDisposable
{
    private SpotServerFixture(SpotSampleTables tables, SpotGraphQLServer server)
    {
        Tables = tables;
        Server = server;
    }

    public SpotSampleTables Tables { get; }

    public SpotGraphQLServer Server { get; }

    public static async Task<SpotServerFixture> StartAsync(SpotSampleTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return new SpotServerFixture(tables, await SpotGraphQLServer.StartAsync(tables.Hdfs, tables.Layout));
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
