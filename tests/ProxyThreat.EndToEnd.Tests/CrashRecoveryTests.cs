using ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;
using ProxyThreat.Pipeline.Tables;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

namespace ProxyThreat.EndToEnd.Tests;

/// <summary>
/// The worker killed (SIGKILL) at chosen moments of a WebHDFS and of an HttpFS run, as a process of its own, then
/// run again cleanly: the outputs equal a clean run's, other tools' rows are never lost, nothing hidden is left.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const string Storyboard = "/user/spot/proxy/hive/oa/storyboard/y=2016/m=7/d=8";
    private const string Timeline = "/user/spot/proxy/hive/oa/timeline/y=2016/m=7/d=8";

    // A threat of the sample day whose rows Spot's own files also hold, and a URI of another day's work.
    private const string Threat = "http://ads.rotator-cdn-gate.biz/lp/gate.php?cid=4471&sub=news";
    private const string Other = "http://other.example/kept";

    private readonly string _state = Path.Join(Path.GetTempPath(), "proxythreat-e2e-state", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    [Theory]
    [InlineData(false, "first")]
    [InlineData(false, "middle")]
    [InlineData(false, "rewrite")]
    [InlineData(false, "last")]
    [InlineData(true, "first")]
    [InlineData(true, "middle")]
    [InlineData(true, "backup")]
    [InlineData(true, "swap")]
    [InlineData(true, "last")]
    public async Task Investigate_KilledAtAMomentThenRunAgain_WritesWhatACleanRunWritesAndLosesNoRow(bool httpFs, string moment)
    {
        await using var graphql = await WorkerRuns.StartSpotAsync();
        await using var clean = await WebHdfsEmulator.StartAsync(httpFs);
        await using var killed = await WebHdfsEmulator.StartAsync(httpFs);
        await SeedOtherToolsFilesAsync(clean);
        await SeedOtherToolsFilesAsync(killed);

        var mutations = 0;
        clean.BeforeCall = c => _ = IsMutation(c) ? Interlocked.Increment(ref mutations) : 0;
        var (cleanCode, cleanOutput) = await WorkerRuns.RunAsync(Investigate(graphql, clean, httpFs));
        Assert.True(cleanCode == 0, cleanOutput);

        var killAt = KillPoint(moment, mutations, httpFs);
        var (seen, kills) = (0, 0);
        using var process = WorkerRuns.Start(Investigate(graphql, killed, httpFs));
        killed.BeforeCall = c =>
        {
            if (IsMutation(c) && killAt(c, Interlocked.Increment(ref seen)) && Interlocked.Increment(ref kills) == 1)
            {
                process.Kill();
            }
        };
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        killed.BeforeCall = null;
        Assert.True(kills > 0, $"the worker was not killed at '{moment}' ({seen} of {mutations} calls; exit code {process.ExitCode})");

        // At every moment another URI's rows are readable, or put back by the next run before it writes.
        var (rerunCode, rerunOutput) = await WorkerRuns.RunAsync(Investigate(graphql, killed, httpFs));

        Assert.True(rerunCode == 0, rerunOutput);
        Assert.Equal(WorkerRuns.Lines(cleanOutput), WorkerRuns.Lines(rerunOutput));
        var expected = WorkerRuns.Files(Path.Join(clean.Root, "user"));
        var actual = WorkerRuns.Files(Path.Join(killed.Root, "user"));
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (file, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[file]), $"{file} differs from a clean run's after a kill at '{moment}'");
        }

        Assert.Contains(await ReadRowsAsync(killed, Storyboard), r => (string?)r[0] == Other);
        Assert.Contains(await ReadRowsAsync(killed, Timeline), r => (string?)r[0] == Other);
    }

    private string[] Investigate(SpotGraphQLServer graphql, WebHdfsEmulator webhdfs, bool httpFs) =>
    [
        "investigate", "--date", "2016-07-08", .. WorkerRuns.Production(graphql, webhdfs, httpFs),
        $"--State:Path={Path.Join(_state, $"{webhdfs.NameNode.Port}.db")}",
    ];

    private static bool IsMutation(EmulatedCall call) => call.Operation is "CREATE" or "RENAME" or "DELETE" or "MKDIRS";

    /// <summary>Which mutating call (with its 1-based number) the worker dies at; the call itself is still carried out.</summary>
    private static Func<EmulatedCall, int, bool> KillPoint(string moment, int mutations, bool httpFs) => moment switch
    {
        "first" => (_, n) => n == 1,
        "middle" => (_, n) => n == mutations / 2,
        "last" => (_, n) => n == mutations,

        // Spot's own files are rewritten without the threat's rows: in one step on a NameNode...
        "rewrite" => (c, _) => c.Operation == "RENAME" && c.Destination == $"{Storyboard}/000000_0",

        // ...and on HttpFS through a backup: killed once Spot's file went to its hidden backup name,
        "backup" when httpFs => (c, _) => c.Operation == "RENAME" && c.Path == $"{Storyboard}/000000_0",

        // or once the new file took its place, before the backup was deleted.
        "swap" when httpFs => (c, _) => c.Operation == "DELETE" && c.Path.EndsWith(".proxythreat-backup", StringComparison.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(moment), moment, null),
    };

    /// <summary>Spot's own files in the storyboard and timeline partitions, with rows of a threat and of another URI.</summary>
    private static async Task SeedOtherToolsFilesAsync(WebHdfsEmulator webhdfs)
    {
        await WriteTableAsync(webhdfs, Storyboard, SpotTables.Storyboard, [Threat, "Spot's old title", "Spot's old text"], [Other, "Kept", "Another analyst's entry"]);
        await WriteTableAsync(
            webhdfs,
            Timeline,
            SpotTables.Timeline,
            [Threat, "2016-07-08 10:00:00", "2016-07-08 10:01:00", 60L, "10.0.0.1", "200", "OK"],
            [Other, "2016-07-07 09:00:00", "2016-07-07 09:00:05", 5L, "10.0.0.2", "404", "Not Found"]);
    }

    private static async Task WriteTableAsync(WebHdfsEmulator webhdfs, string folder, TableSchema schema, params object?[][] rows)
    {
        var path = $"{folder}/000000_0";
        var local = webhdfs.Local(path);
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await File.WriteAllBytesAsync(local, await TableFile.EncodeAsync(path, schema, rows, CancellationToken.None));
    }

    private static async Task<List<object?[]>> ReadRowsAsync(WebHdfsEmulator webhdfs, string folder)
    {
        var rows = new List<object?[]>();
        var schema = folder == Storyboard ? SpotTables.Storyboard : SpotTables.Timeline;
        foreach (var file in Directory.EnumerateFiles(webhdfs.Local(folder)).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            await using var stream = File.OpenRead(file);
            rows.AddRange((await TableFile.ReadAsync(stream, schema, file, CancellationToken.None)).Rows);
        }

        return rows;
    }
}
