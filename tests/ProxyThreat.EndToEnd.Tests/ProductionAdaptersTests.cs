using System.Text.RegularExpressions;
using ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

namespace ProxyThreat.EndToEnd.Tests;

/// <summary>
/// The production configuration (Spot's GraphQL API, HDFS through WebHDFS) against a real graphql-dotnet server
/// and the WebHDFS emulator, both on loopback and both serving the committed sample day.
/// </summary>
public sealed partial class ProductionAdaptersTests : IDisposable
{
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
        await using var graphql = await WorkerRuns.StartSpotAsync();
        await using var webhdfs = await WebHdfsEmulator.StartAsync(httpFs);

        // Spot's home, as a Spot installation has it, and none of its partitions: the worker makes those.
        Directory.CreateDirectory(webhdfs.Local("/user/spot"));
        var (embeddedCode, embeddedOutput) = await WorkerRuns.RunAsync(["investigate", "--date", "2016-07-08", $"--Hdfs:Local:Root={_local}"]);
        var (productionCode, productionOutput) = await WorkerRuns.RunAsync(["investigate", "--date", "2016-07-08", .. WorkerRuns.Production(graphql, webhdfs, httpFs)]);

        Assert.True(embeddedCode == 0, embeddedOutput);
        Assert.True(productionCode == 0, productionOutput);
        var embedded = WorkerRuns.Files(Path.Join(_local, "user"));
        var production = WorkerRuns.Files(Path.Join(webhdfs.Root, "user"));
        Assert.Equal(9, embedded.Count);
        Assert.Equal(embedded.Keys.Order(), production.Keys.Order());
        foreach (var (file, bytes) in embedded)
        {
            // The provenance names the source each read, which is all that may differ.
            var (want, got) = IncidentJson.IsIncidentProgression(file) ? (IncidentJson.WithoutProvenance(bytes), IncidentJson.WithoutProvenance(production[file])) : (bytes, production[file]);
            Assert.True(want.AsSpan().SequenceEqual(got), $"{file} differs between the embedded default and production");
        }

        foreach (var file in production.Keys.Where(IncidentJson.IsIncidentProgression))
        {
            var source = IncidentJson.Provenance(production[file]).GetProperty("source");
            Assert.Equal("graphql", source.GetProperty("kind").GetString());
            Assert.Equal(graphql.Endpoint.Authority, source.GetProperty("endpoint").GetString());
            Assert.Equal("tables", IncidentJson.Provenance(embedded[file]).GetProperty("source").GetProperty("kind").GetString());
        }

        Assert.Equal(WorkerRuns.Lines(embeddedOutput), WorkerRuns.Lines(productionOutput));
        Assert.Single(webhdfs.Calls, c => c.Path == "/user/spot");
    }

    [Fact]
    public async Task Check_GraphQLAndWebHdfsReachable_PassesEveryCheck()
    {
        await using var graphql = await WorkerRuns.StartSpotAsync();
        await using var webhdfs = await WebHdfsEmulator.StartAsync();
        Directory.CreateDirectory(webhdfs.Local("/user/spot"));

        var (code, output) = await WorkerRuns.RunAsync(["check", .. WorkerRuns.Production(graphql, webhdfs, httpFs: false)]);

        Assert.True(code == 0, output);
        Assert.Contains("ok    source answers", output, StringComparison.Ordinal);
        Assert.Contains("its schema has every field the worker queries", output, StringComparison.Ordinal);
        Assert.Contains("ok    output writable", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(webhdfs.Local("/user/spot")));
    }

    [Fact]
    public async Task Check_SpotRootMissingInHdfs_FailsNamingWhatToFix()
    {
        await using var graphql = await WorkerRuns.StartSpotAsync();
        await using var webhdfs = await WebHdfsEmulator.StartAsync();

        var (code, output) = await WorkerRuns.RunAsync(["check", .. WorkerRuns.Production(graphql, webhdfs, httpFs: false)]);

        Assert.Equal(1, code);
        Assert.Contains("FAIL  Spot:Root exists", output, StringComparison.Ordinal);
        Assert.Contains($"Spot:Root /user/spot does not exist on HDFS (webhdfs://{webhdfs.NameNode.Authority}/user/spot): the worker creates Spot's partitions, never Spot's home; check Spot:Root (HUSER in spot.conf)", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A typo in Spot:Root must not bury the day in a tree Spot never reads: every threat fails saying so, the
    /// ledger keeps them failed for the service to retry, and HDFS is left as it was.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Investigate_SpotRootMissingOnWebHdfs_FailsEveryThreatNamingSpotRootAndCreatesNothing(bool httpFs)
    {
        await using var graphql = await WorkerRuns.StartSpotAsync();
        await using var webhdfs = await WebHdfsEmulator.StartAsync(httpFs);
        Directory.CreateDirectory(webhdfs.Local("/user/spot"));
        string[] typo = [.. WorkerRuns.Production(graphql, webhdfs, httpFs), "--Spot:Root=/user/spto", $"--State:Path={Path.Join(_local, "ledger.db")}"];

        var (code, output) = await WorkerRuns.RunAsync(["investigate", "--date", "2016-07-08", .. typo]);
        var (_, status) = await WorkerRuns.RunAsync(["status", "--from", "2016-07-08", "--to", "2016-07-08", .. typo]);

        Assert.Equal(1, code);
        var message = $"Spot:Root /user/spto does not exist on HDFS (webhdfs://{webhdfs.NameNode.Authority}/user/spto): the worker creates Spot's partitions, never Spot's home; check Spot:Root (HUSER in spot.conf)";
        Assert.Equal(3, Regex.Count(output, $"failed .*{Regex.Escape(message)}"));
        Assert.Equal(["/user", "/user/spot"], Directory.GetFileSystemEntries(webhdfs.Root, "*", SearchOption.AllDirectories).Select(p => p[webhdfs.Root.TrimEnd('/').Length..]).Order());
        // Spot:Root, then its parents to name a file in the way: once for the date, not once per threat.
        Assert.Equal(["GETFILESTATUS /user/spto", "GETFILESTATUS /user"], webhdfs.Calls.Select(c => $"{c.Operation} {c.Path}"));
        Assert.Equal(3, Regex.Count(status, $"failed .*{Regex.Escape(message)}"));
    }

    /// <summary>The report reads the outputs through the same IHdfs the writer uses: from HDFS it is the page the embedded default gives.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Report_FromWebHdfs_IsThePageTheEmbeddedDefaultGives(bool httpFs)
    {
        await using var graphql = await WorkerRuns.StartSpotAsync();
        await using var webhdfs = await WebHdfsEmulator.StartAsync(httpFs);
        Directory.CreateDirectory(webhdfs.Local("/user/spot"));
        string[] embedded = [$"--Hdfs:Local:Root={_local}", $"--State:Path={Path.Join(_local, "ledger.db")}"];
        string[] production = [.. WorkerRuns.Production(graphql, webhdfs, httpFs), $"--State:Path={Path.Join(_local, "ledger.db")}"];
        await WorkerRuns.RunAsync(["investigate", "--date", "2016-07-08", .. embedded]);
        await WorkerRuns.RunAsync(["investigate", "--date", "2016-07-08", .. production]);

        var (embeddedCode, embeddedOutput) = await WorkerRuns.RunAsync(["report", "--date", "2016-07-08", "--out", Path.Join(_local, "embedded.html"), .. embedded]);
        var (productionCode, productionOutput) = await WorkerRuns.RunAsync(["report", "--date", "2016-07-08", "--out", Path.Join(_local, "production.html"), .. production]);

        Assert.True(embeddedCode == 0, embeddedOutput);
        Assert.True(productionCode == 0, productionOutput);
        Assert.Contains("(3 threats, 237 rows; open it in a browser)", productionOutput, StringComparison.Ordinal);
        var page = WithoutMadeLine(await File.ReadAllTextAsync(Path.Join(_local, "production.html")));
        Assert.Equal(WithoutMadeLine(await File.ReadAllTextAsync(Path.Join(_local, "embedded.html"))), page);
        Assert.Equal(3, Regex.Count(page, "<section class=\"threat\""));
    }

    /// <summary>The page less the line saying when and from where it was made.</summary>
    private static string WithoutMadeLine(string page) => MadeLine().Replace(page, string.Empty, 1);

    [GeneratedRegex("<p class=\"made\">[^<]*</p>")]
    private static partial Regex MadeLine();
}
