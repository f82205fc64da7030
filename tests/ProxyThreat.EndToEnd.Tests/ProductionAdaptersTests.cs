using Microsoft.Extensions.DependencyInjection;
using ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Sources.Tables;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;
using ProxyThreat.Worker;
using ProxyThreat.Worker.Cli;

namespace ProxyThreat.EndToEnd.Tests;

/// <summary>
/// The production configuration (Spot's GraphQL API, HDFS through WebHDFS) against a real graphql-dotnet server
/// and the WebHDFS emulator, both on loopback and both serving the committed sample day.
/// </summary>
public sealed class ProductionAdaptersTests : IDisposable
{
    private static readonly string Samples = Path.Join(Repository.Root, "samples");
    private readonly string _local = Path.Join(Path.GetTempPath(), "proxythreat-e2e", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_local))
        {
            Directory.Delete(_local, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Investigate_GraphQLSourceAndWebHdfsOutput_WritesExactlyWhatTheEmbeddedDefaultWrites(bool httpFs)
    {
        await using var graphql = await SpotGraphQLServer.StartAsync(new LocalHdfs(Path.Join(Samples, "hdfs")), new SpotLayout("/user/spot"));
        await using var webhdfs = await WebHdfsEmulator.StartAsync(httpFs);

        var (embeddedCode, embeddedOutput) = await RunAsync(["investigate", "--date", "2016-07-08", $"--Hdfs:Local:Root={_local}"]);
        var (productionCode, productionOutput) = await RunAsync(["investigate", "--date", "2016-07-08", .. Production(graphql, webhdfs, httpFs)]);

        Assert.True(embeddedCode == 0, embeddedOutput);
        Assert.True(productionCode == 0, productionOutput);
        var embedded = Files(Path.Join(_local, "user"));
        var production = Files(Path.Join(webhdfs.Root, "user"));
        Assert.Equal(9, embedded.Count);
        Assert.Equal(embedded.Keys.Order(), production.Keys.Order());
        foreach (var (file, bytes) in embedded)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(production[file]), $"{file} differs between the embedded default and production");
        }

        Assert.Equal(Lines(embeddedOutput), Lines(productionOutput));
    }

    [Fact]
    public async Task Check_GraphQLAndWebHdfsReachable_PassesEveryCheck()
    {
        await using var graphql = await SpotGraphQLServer.StartAsync(new LocalHdfs(Path.Join(Samples, "hdfs")), new SpotLayout("/user/spot"));
        await using var webhdfs = await WebHdfsEmulator.StartAsync();
        Directory.CreateDirectory(webhdfs.Local("/user/spot"));

        var (code, output) = await RunAsync(["check", .. Production(graphql, webhdfs, httpFs: false)]);

        Assert.True(code == 0, output);
        Assert.Contains("ok    source answers", output, StringComparison.Ordinal);
        Assert.Contains("its schema has every field the worker queries", output, StringComparison.Ordinal);
        Assert.Contains("ok    output writable", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(webhdfs.Local("/user/spot")));
    }

    [Fact]
    public async Task Check_SpotRootMissingInHdfs_FailsNamingWhatToFix()
    {
        await using var graphql = await SpotGraphQLServer.StartAsync(new LocalHdfs(Path.Join(Samples, "hdfs")), new SpotLayout("/user/spot"));
        await using var webhdfs = await WebHdfsEmulator.StartAsync();

        var (code, output) = await RunAsync(["check", .. Production(graphql, webhdfs, httpFs: false)]);

        Assert.Equal(1, code);
        Assert.Contains("FAIL  Spot:Root exists", output, StringComparison.Ordinal);
        Assert.Contains("fix: check the Hdfs settings and that Spot:Root exists", output, StringComparison.Ordinal);
    }

    private static string[] Production(SpotGraphQLServer graphql, WebHdfsEmulator webhdfs, bool httpFs) =>
    [
        "--Source:Kind=graphql",
        $"--Source:GraphQL:Endpoint={graphql.Endpoint}",
        "--Hdfs:Kind=webhdfs",
        $"--Hdfs:WebHdfs:NameNodes:0={webhdfs.NameNode}",
        "--Hdfs:WebHdfs:User=spot",
        $"--Hdfs:WebHdfs:Gateway={(httpFs ? "httpfs" : "webhdfs")}",
    ];

    private static async Task<(int Code, string Output)> RunAsync(string[] args)
    {
        var command = CommandLine.Parse(
        [
            .. args,
            $"--Source:Tables:Root={Path.Join(Samples, "hdfs")}",
            $"--Investigation:DecisionsPath={Path.Join(Samples, "decisions.jsonl")}",
        ]);
        using var host = WorkerHost.Build(command, services => services.AddSingleton<InvestigateCommand>().AddSingleton<CheckCommand>());
        using var output = new StringWriter();
        var code = command.Verb == Verb.Check
            ? await host.Services.GetRequiredService<CheckCommand>().RunAsync(output, CancellationToken.None)
            : await host.Services.GetRequiredService<InvestigateCommand>().RunAsync(command, output, CancellationToken.None);
        return (code, output.ToString());
    }

    /// <summary>The per-threat lines, without the total's output location, which names each output's own root.</summary>
    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("total", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);
}
