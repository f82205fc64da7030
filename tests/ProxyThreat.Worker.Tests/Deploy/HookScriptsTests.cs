namespace ProxyThreat.Worker.Tests.Deploy;

/// <summary>
/// The example hooks of deploy/hooks, run by the worker as the README configures them, with stand-ins for
/// impala-shell and beeline that record the arguments they were given.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HookScriptsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("proxythreat-hook-scripts-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Dir => _dir.FullName;

    [Fact]
    public async Task ImpalaRefresh_NewDate_RecoversPartitionsThenRefreshes_LaterOnlyRefreshes()
    {
        await SmallDay.SeedAsync(Dir);
        var impala = StandIn("impala-shell");
        string[] hook = [$"--Hooks:AfterDate:0={Repository.Path("deploy", "hooks", "impala-refresh.sh")}", "--Hooks:AfterDate:1=-i", "--Hooks:AfterDate:2=impalad.example.org:21000", "--Hooks:AfterDate:3=-d", "--Hooks:AfterDate:4=spot"];
        var environment = new Dictionary<string, string>(WorkerProcess.Checkout) { ["IMPALA_SHELL"] = impala };

        var first = await WorkerProcess.RunAsync(Dir, environment, ["investigate", "--date", "2016-07-08", .. hook]);
        var second = await WorkerProcess.RunAsync(Dir, environment, ["investigate", "--date", "2016-07-08", .. hook]);

        Assert.Contains("2016-07-08 hook      exit 0 after ", first.Output, StringComparison.Ordinal);
        Assert.Equal(
            [
                "--quiet", "-i", "impalad.example.org:21000", "-d", "spot", "-q",
                "ALTER TABLE proxy_storyboard RECOVER PARTITIONS; REFRESH proxy_storyboard PARTITION (y=2016,m=7,d=8); "
                + "ALTER TABLE proxy_timeline RECOVER PARTITIONS; REFRESH proxy_timeline PARTITION (y=2016,m=7,d=8); ",
            ],
            Arguments(impala, 1));
        Assert.Contains("2016-07-08 hook      exit 0 after ", second.Output, StringComparison.Ordinal);
        Assert.Equal(
            ["--quiet", "-i", "impalad.example.org:21000", "-d", "spot", "-q", "REFRESH proxy_storyboard PARTITION (y=2016,m=7,d=8); REFRESH proxy_timeline PARTITION (y=2016,m=7,d=8); "],
            Arguments(impala, 2));
    }

    [Fact]
    public async Task HivePartitions_NewDate_AddsThePartitions_LaterRunsNothing()
    {
        await SmallDay.SeedAsync(Dir);
        var beeline = StandIn("beeline");
        string[] hook = [$"--Hooks:AfterDate:0={Repository.Path("deploy", "hooks", "hive-partitions.sh")}", "--Hooks:AfterDate:1=-u", "--Hooks:AfterDate:2=jdbc:hive2://hs2.example.org:10000/spot"];
        var environment = new Dictionary<string, string>(WorkerProcess.Checkout) { ["BEELINE"] = beeline };

        var first = await WorkerProcess.RunAsync(Dir, environment, ["investigate", "--date", "2016-07-08", .. hook]);
        var second = await WorkerProcess.RunAsync(Dir, environment, ["investigate", "--date", "2016-07-08", .. hook]);

        Assert.Contains("2016-07-08 hook      exit 0 after ", first.Output, StringComparison.Ordinal);
        Assert.Equal(
            [
                "--silent=true", "-u", "jdbc:hive2://hs2.example.org:10000/spot", "-e",
                "ALTER TABLE proxy_storyboard ADD IF NOT EXISTS PARTITION (y=2016,m=7,d=8); ALTER TABLE proxy_timeline ADD IF NOT EXISTS PARTITION (y=2016,m=7,d=8); ",
            ],
            Arguments(beeline, 1));
        Assert.Contains("2016-07-08 hook      exit 0 after ", second.Output, StringComparison.Ordinal);
        Assert.False(File.Exists($"{beeline}.2"), "beeline ran for a date the metastore already knows");
    }

    /// <summary>A program that writes each argument on a line of <c>PATH.N</c>, N counting its runs.</summary>
    private string StandIn(string name)
    {
        var path = Path.Join(Dir, name);
        File.WriteAllText(path, "#!/bin/sh\nn=1\nwhile [ -e \"$0.$n\" ]; do n=$((n + 1)); done\nprintf '%s\\n' \"$@\" > \"$0.$n\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static string[] Arguments(string standIn, int run) => File.ReadAllLines($"{standIn}.{run}");
}
