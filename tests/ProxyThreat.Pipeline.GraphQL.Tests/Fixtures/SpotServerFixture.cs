namespace ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;

/// <summary>Sample tables plus a GraphQL server over them, for one test.</summary>
public sealed class SpotServerFixture : IAsyncDisposable
{
    private SpotServerFixture(SpotSampleTables tables, SpotGraphQLServer server)
    {
        Tables = tables;
        Server = server;
    }

    public SpotSampleTables Tables { get; }

    public SpotGraphQLServer Server { get; }

    public static async Task<SpotServerFixture> StartAsync()
    {
        var tables = await SpotSampleTables.CreateAsync();
        return new SpotServerFixture(tables, await SpotGraphQLServer.StartAsync(tables.Hdfs, tables.Layout));
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Tables.Dispose();
    }
}
