using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;
using ProxyThreat.Pipeline.Sources.GraphQL;
using ProxyThreat.Pipeline.Tests.Support;
using static ProxyThreat.Pipeline.GraphQL.Tests.Fixtures.SpotSampleTables;

namespace ProxyThreat.Pipeline.GraphQL.Tests.Sources.GraphQL;

/// <summary>A huge expanded search streams: rows come out while the body is still arriving.</summary>
public sealed class GraphQLStreamingTests : IClassFixture<SpotSampleTables>
{
    private const int Rows = 200_000;
    private const int MappedRows = 50_000;
    private const int Chunk = 5_000;

    private static readonly CancellationToken None = CancellationToken.None;

    private readonly SpotSampleTables _tables;

    public GraphQLStreamingTests(SpotSampleTables tables)
    {
        _tables = tables;
    }

    [Fact]
    public async Task QueryListAsync_LargeAnswer_HandsOutRowsBeforeTheBodyEnds()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        var firstRowSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bodyEnded = false;
        var rowsBeforeEnd = 0;
        spot.Server.Override = http => WriteDetailsAsync(http, Rows, afterFirstChunk: async () =>
        {
            // A reader that buffered the body would never hand out a row here, and the answer would stop.
            await firstRowSeen.Task.WaitAsync(TimeSpan.FromSeconds(10), http.RequestAborted);
        }, onEnd: () => Volatile.Write(ref bodyEnded, true));
        var client = GraphQLClients.Client(GraphQLClients.Options(spot.Server.Endpoint, o => o.Retries = 0));

        var rows = await client.QueryListAsync(
            new GraphQLRequest("threat.details", "query { proxy { threat { details(uri: \"u\") { uri } } } }", new Dictionary<string, string?>()),
            ["proxy", "threat", "details"],
            (ref Utf8JsonReader r) =>
            {
                r.TrySkip();
                firstRowSeen.TrySetResult();
                if (!Volatile.Read(ref bodyEnded))
                {
                    rowsBeforeEnd++;
                }

                return "row";
            },
            None);

        Assert.Equal(Rows, rows.Count);
        Assert.InRange(rowsBeforeEnd, Chunk, Rows);
    }

    [Fact]
    public async Task SearchAsync_LargeAnswer_MapsEveryRow()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Override = http => WriteDetailsAsync(http, MappedRows, afterFirstChunk: () => Task.CompletedTask, onEnd: () => { });

        var search = Assert.Single(await Searched.AllAsync(GraphQLClients.Source(GraphQLClients.Options(spot.Server.Endpoint, o => o.Retries = 0)).SearchAsync(Date, [Threat], None)));

        Assert.Null(search.Error);
        Assert.Equal(MappedRows, search.Found.Count);
        var last = search.Found[^1];
        Assert.Equal(new DateTime(2016, 7, 8, 0, 0, 0).AddSeconds((MappedRows - 1) % 86_400), last.Time);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"10.0.{(MappedRows - 1) / 256 % 256}.{(MappedRows - 1) % 256}"), last.ClientIp);
        Assert.Equal("404", last.ResponseCode);
        Assert.Equal((MappedRows - 1) % 1000, last.Duration);
        Assert.Equal("GET", last.RequestMethod);
        Assert.Equal("text/html", last.ResponseContentType);
        Assert.Null(last.Referer);
        Assert.Equal(Threat, last.FullUri);
    }

    [Fact]
    public async Task SearchAsync_AnswerPastTheMemoryBudget_SpillsReadsTheSameRowsAndDeletesItsFile()
    {
        await using var spot = await SpotServerFixture.StartAsync(_tables);
        spot.Server.Override = http => WriteDetailsAsync(http, MappedRows, afterFirstChunk: () => Task.CompletedTask, onEnd: () => { });
        var folder = Path.Join(Path.GetTempPath(), "proxythreat-spill-tests", Guid.NewGuid().ToString("N"));
        var held = await Searched.AllAsync(GraphQLClients.Source(GraphQLClients.Options(spot.Server.Endpoint, o => o.Retries = 0)).SearchAsync(Date, [Threat], None));

        try
        {
            var source = GraphQLClients.Source(GraphQLClients.Options(spot.Server.Endpoint, o => (o.Retries, o.MemoryBudgetMiB, o.SpillFolder) = (0, 1, folder)));
            using var search = await source.SearchAsync(Date, [Threat], None).SingleAsync(None);

            Assert.True(search.Rows.IsSpilled);
            Assert.Single(Directory.GetFiles(folder));
            Assert.Equal(Assert.Single(held).Found, FoundRequest.Of(search.Rows));
            search.Dispose();
            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes a details answer of <paramref name="count"/> rows, chunk by chunk, flushing each.</summary>
    private static async Task WriteDetailsAsync(HttpContext http, int count, Func<Task> afterFirstChunk, Action onEnd)
    {
        http.Response.ContentType = "application/json";
        var body = http.Response.Body;
        var text = new StringBuilder("""{"data":{"proxy":{"threat":{"details":[""");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            AppendRow(text, i);
            if ((i + 1) % Chunk == 0 || i == count - 1)
            {
                await body.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), http.RequestAborted);
                await body.FlushAsync(http.RequestAborted);
                text.Clear();
                if (i + 1 == Chunk)
                {
                    await afterFirstChunk();
                }
            }
        }

        onEnd();
        await body.WriteAsync("]}}}}"u8.ToArray(), http.RequestAborted);
    }

    private static void AppendRow(StringBuilder text, int i)
    {
        var time = new DateTime(2016, 7, 8, 0, 0, 0).AddSeconds(i % 86_400).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        text.Append(CultureInfo.InvariantCulture,
            $$"""{"datetime":"{{time}}","clientIp":"10.0.{{i / 256 % 256}}.{{i % 256}}","username":"user{{i % 7}}","duration":{{i % 1000}},"uri":{{JsonSerializer.Serialize(Threat)}},"webCategory":"Suspicious","responseCode":{{(i % 2 == 0 ? 200 : 404)}},"requestMethod":"GET","userAgent":"Mozilla/5.0","responseContentType":"text/html","referer":null,"uriPort":8080,"serverIp":"203.0.113.7","serverToClientBytes":{{i}},"clientToServerBytes":310}""");
    }
}
