using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Sources.Tables;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;

/// <summary>
/// A small Spot installation on local disk: the raw proxy table and the threat-investigation and storyboard
/// tables of <see cref="Date"/>, as Parquet files where Spot keeps them, with a <see cref="TablesSource"/> over them.
/// Never changed once written, so a test class shares one (<see cref="IClassFixture{TFixture}"/>).
/// </summary>
public sealed class SpotSampleTables : IAsyncLifetime, IDisposable
{
    public static readonly DateOnly Date = new(2016, 7, 8);

    /// <summary>Scored high; requested directly and as a referer.</summary>
    public const string Threat = "http://evil.example/landing?id=7&q=a%20b";

    /// <summary>Scored medium; requested directly only.</summary>
    public const string OtherThreat = "http://bad.example/dl/payload.exe";

    /// <summary>Scored, but no request of the date names it.</summary>
    public const string Silent = "http://quiet.example/";

    public SpotSampleTables()
    {
        Root = Path.Combine(Path.GetTempPath(), "proxythreat-graphql-" + Guid.NewGuid().ToString("N"));
        Hdfs = new LocalHdfs(Root);
        Layout = new SpotLayout("/user/spot");
        Source = new TablesSource(Hdfs, Layout);
    }

    /// <summary>The local folder standing for HDFS <c>/</c>.</summary>
    public string Root { get; }

    public LocalHdfs Hdfs { get; }

    public SpotLayout Layout { get; }

    public TablesSource Source { get; }

    public Task InitializeAsync() => WriteAsync();

    Task IAsyncLifetime.DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; a test must not fail on its own cleanup.
        }
    }

    private async Task WriteAsync()
    {
        var raw = $"{Layout.ProxyTable}/y=2016/m=07/d=08";
        await WriteAsync($"{raw}/h=00/000000_0.parquet", SpotTables.Proxy,
        [
            Raw("00:00:05", "10.0.0.1", Threat, null, respcode: "200", method: "GET"),
            Raw("00:00:07", "10.0.0.2", "http://cdn.example/lib.js", Threat, respcode: "304", method: "GET"),
            Raw("00:10:00", "10.0.0.9", "http://unrelated.example/", null, respcode: "200", method: "GET"),
            Raw("00:20:00", "10.0.0.1", OtherThreat, null, respcode: "404", method: "GET", username: null, duration: null),
            Raw("00:20:00", "10.0.0.3", Threat, "http://search.example/?q=evil", respcode: "200", method: "POST"),
        ]);
        await WriteAsync($"{raw}/h=13/000000_0.parquet", SpotTables.Proxy,
        [
            Raw("13:00:01", "10.0.0.4", Threat, null, respcode: null, method: "GET", uriport: null),
            Raw("13:00:02", "10.0.0.4", "http://evil.example/next", Threat, respcode: "500", method: "GET"),
            Raw("13:59:59", "10.0.0.5", OtherThreat, Threat, respcode: "200", method: "HEAD"),
        ]);

        var investigation = SpotLayout.OaPartition(Layout.ThreatInvestigationTable, Date);
        await WriteAsync($"{investigation}/000000_0.parquet", SpotTables.ThreatInvestigation,
        [
            ["2016-07-08", Threat, 1],
            ["2016-07-08", OtherThreat, 2],
            ["2016-07-08", Silent, 3],
            ["2016-07-08", Threat, 1],
            ["2016-07-08", OtherThreat, null],
        ]);

        var storyboard = SpotLayout.OaPartition(Layout.StoryboardTable, Date);
        await WriteAsync($"{storyboard}/000000_0.parquet", SpotTables.Storyboard,
        [
            [Threat, "Landing page \"evil\"", "Users were sent here from search.\nSecond line, ünïcödé."],
            [OtherThreat, null, null],
        ]);
    }

    private async Task WriteAsync(string path, TableSchema schema, IReadOnlyList<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        await ParquetTableFile.WriteAsync(buffer, schema, rows, CancellationToken.None);
        await Hdfs.CreateAsync(path, buffer.ToArray(), CancellationToken.None);
    }

    private static object?[] Raw(
        string time, string clientIp, string fullUri, string? referer, string? respcode, string method,
        string? username = "alice", int? duration = 120, string? uriport = "80") =>
        (ProxyRow.Full("2016-07-08", time, clientIp, fullUri) with
        {
            Referer = referer,
            RespCode = respcode,
            Method = method,
            UserName = username,
            Duration = duration,
            UriPort = uriport,
        }).ToRow();
}
