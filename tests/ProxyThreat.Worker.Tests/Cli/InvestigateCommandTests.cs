using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ProxyThreat.Pipeline.Spot;

namespace ProxyThreat.Worker.Tests.Cli;

/// <summary>What investigate, backfill and check print for an operator, run as the real executable.</summary>
public sealed class InvestigateCommandTests : IDisposable
{
    private const string U = SmallDay.U;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("proxythreat-cli-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Dir => _dir.FullName;

    [Fact]
    public async Task Backfill_ThreatsOnOneDateOfThree_TotalNamesThatDatesFolderBug()
    {
        await SmallDay.SeedAsync(Dir);

        var (code, output, error) = await RunAsync("backfill", "--from", "2016-07-07", "--to", "2016-07-09");

        // The total named 2016/7/7's folder, where nothing was written.
        Assert.True(code == 0, error);
        Assert.EndsWith(
            $"total 2016-07-07 to 2016-07-09: 2 threats (1 written, 1 dismissed); outputs under {Path.Join(Dir, "out/hdfs/user/spot/proxy/oa/storyboard/2016/7/8")} and the storyboard and timeline partitions beside it\n",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_ManyDates_SaysWhatItFoundBeforeStarting()
    {
        await SmallDay.SeedAsync(Dir);

        var (code, _, error) = await RunAsync("backfill", "--from", "2016-07-01", "--to", "2016-07-09");

        Assert.True(code == 0, error);
        var scanning = error.IndexOf("Backfill 2016-07-01 to 2016-07-09: 9 dates; reading their scores first", StringComparison.Ordinal);
        var found = error.IndexOf("Backfill found threats on 1 of 9 dates, 2 in all (scores unreadable on 0 dates); investigating", StringComparison.Ordinal);
        var first = error.IndexOf("Investigated ", StringComparison.Ordinal);
        Assert.True(scanning >= 0 && found > scanning && first > found, error);
    }

    [Fact]
    public async Task Backfill_OutputsOnSeveralDates_TotalNamesSpotsHome()
    {
        await SmallDay.SeedAsync(Dir);
        var day = Path.Join(Dir, "samples/hdfs/user/spot/proxy/hive");
        CopyFolder(Path.Join(day, "oa/threat_investigation/y=2016/m=7/d=8"), Path.Join(day, "oa/threat_investigation/y=2016/m=7/d=9"));

        var (code, output, error) = await RunAsync("backfill", "--from", "2016-07-08", "--to", "2016-07-09");

        Assert.True(code == 0, error);
        Assert.Contains($"; outputs for 2 dates under {Path.Join(Dir, "out/hdfs/user/spot")}/proxy (", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_CorruptRawPartition_ListsTheThreatsNotAttemptedBug()
    {
        await SmallDay.SeedAsync(Dir);
        await File.WriteAllTextAsync(Path.Join(Dir, "samples/hdfs/user/spot/proxy/hive/y=2016/m=07/d=08/h=10/000001_0"), "not parquet");

        var (code, output, _) = await RunAsync("investigate", "--date", "2016-07-08");

        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"2016-07-08 dismissed {SmallDay.Dismissed}", lines[0]);
        Assert.Equal($"2016-07-08 not attempted {U}", lines[1]);
        Assert.StartsWith("2016-07-08 failed: ", lines[2], StringComparison.Ordinal);
        Assert.Contains("h=10/000001_0: not a readable Parquet file", lines[2], StringComparison.Ordinal);
        Assert.Equal("total 2016-07-08: 2 threats (1 dismissed, 1 not attempted), 1 date failed", lines[3]);
    }

    [Fact]
    public async Task Investigate_FailedThreat_LineSaysTheErrorWithoutRowCountsBug()
    {
        await SmallDay.SeedAsync(Dir);
        Directory.CreateDirectory(Path.Join(Dir, $"out/hdfs/user/spot/proxy/oa/storyboard/2016/7/8/incident-progression-{SpotLayout.Md5(U)}.json/squatter"));

        var (code, output, _) = await RunAsync("investigate", "--date", "2016-07-08");

        // It said "rows=3 clients=0" for a threat whose outputs were never written.
        Assert.Equal(1, code);
        var failed = Assert.Single(output.Split('\n'), l => l.StartsWith("2016-07-08 failed", StringComparison.Ordinal));
        Assert.StartsWith($"2016-07-08 failed    {U}  error: ", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("rows=", failed, StringComparison.Ordinal);
        Assert.Contains("total 2016-07-08: 2 threats (1 dismissed, 1 failed)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_OneThreat_TotalSaysThreatNotThreats()
    {
        await SmallDay.SeedAsync(Dir);

        var (_, output, _) = await RunAsync("investigate", "--date", "2016-07-08", "--uri", U, "--dry-run");

        Assert.Contains("total 2016-07-08: 1 threat (1 dry-run)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_DismissalWithATypoInItsUri_WarnsAndCheckListsItBug()
    {
        // One character short: the threat was investigated although an analyst dismissed it, without a word.
        await SmallDay.SeedAsync(Dir);
        await File.WriteAllTextAsync(Path.Join(Dir, "typo.jsonl"), "\n{\"date\": \"2016-07-08\", \"uri\": \"http://dismissed.example\", \"action\": \"dismiss\"}\n");

        var investigate = await RunAsync("investigate", "--date", "2016-07-08", "--Investigation:DecisionsPath=typo.jsonl");
        var check = await RunAsync("check", "--Investigation:DecisionsPath=typo.jsonl");

        Assert.Contains($"written   {SmallDay.Dismissed}", investigate.Output, StringComparison.Ordinal);
        Assert.Contains(
            "The decision for http://dismissed.example on 2016-07-08 (decisions file line 2, dismiss) names no threat of that date, so nothing uses it: check the URI for a typo",
            investigate.Error,
            StringComparison.Ordinal);
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        Assert.Contains("warn  decisions match threats (", check.Output, StringComparison.Ordinal);
        Assert.Contains("1 of 1 decisions name no URI scored with severity 1 on their date", check.Output, StringComparison.Ordinal);
        Assert.Contains("      line 2: 2016-07-08 dismiss http://dismissed.example\n", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_Sigterm_PrintsThePartialTotalThenExits130()
    {
        // A GraphQL endpoint that takes the request and never answers: the backfill is stopped while it reads scores.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        using var process = WorkerProcess.Start(
            Dir,
            WorkerProcess.Checkout,
            "backfill",
            "--from",
            "2016-07-07",
            "--to",
            "2016-07-09",
            "--Source:Kind=graphql",
            $"--Source:GraphQL:Endpoint=http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/graphql",
            "--Investigation:DecisionsPath=");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using (var client = await silent.AcceptTcpClientAsync(timeout.Token))
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
        }

        Assert.True(process.ExitCode == 130, await error);
        Assert.Equal("total 2016-07-07 to 2016-07-09 (cancelled after 0 of 3 dates): 0 threats\n", await output);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        WorkerProcess.RunAsync(Dir, WorkerProcess.Checkout, args);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Join(to, Path.GetFileName(file)));
        }
    }
}
