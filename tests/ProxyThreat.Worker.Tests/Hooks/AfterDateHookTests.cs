using System.Globalization;

namespace ProxyThreat.Worker.Tests.Hooks;

/// <summary>
/// Hooks:AfterDate run by the real executable over a small day: real child processes, small shell scripts the tests
/// write, each run leaving its environment and arguments in numbered files beside the script.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AfterDateHookTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("proxythreat-hook-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Dir => _dir.FullName;

    private string Hooks => Path.Join(Dir, "hooks");

    [Fact]
    public async Task Investigate_ChangedDate_RunsTheHookOnceWithTheDocumentedEnvironmentAndArguments()
    {
        await SmallDay.SeedAsync(Dir);
        var hook = Recorder("exit 0");

        var (code, output, error) = await RunAsync("investigate", "--date", "2016-07-08", $"--Hooks:AfterDate:0={hook}", "--Hooks:AfterDate:1=two words", "--Hooks:AfterDate:2=$HOME;rm");

        Assert.True(code == 0, output + error);
        Assert.Equal(1, Runs());
        var environment = Environment(1);
        var spot = "/user/spot/proxy";
        Assert.Equal("2016-07-08", environment["PROXYTHREAT_DATE"]);
        Assert.Equal("y=2016,m=7,d=8", environment["PROXYTHREAT_PARTITION"]);
        Assert.Equal("1", environment["PROXYTHREAT_NEW_DATE"]);
        Assert.Equal("proxy_storyboard proxy_timeline", environment["PROXYTHREAT_TABLES"]);
        Assert.Equal($"{spot}/hive/oa/storyboard/y=2016/m=7/d=8", environment["PROXYTHREAT_STORYBOARD_PATH"]);
        Assert.Equal($"{spot}/hive/oa/timeline/y=2016/m=7/d=8", environment["PROXYTHREAT_TIMELINE_PATH"]);
        Assert.Equal($"{spot}/oa/storyboard/2016/7/8", environment["PROXYTHREAT_INCIDENTS_PATH"]);
        Assert.Equal($"{spot}/hive/oa/storyboard/y=2016/m=7/d=8 {spot}/hive/oa/timeline/y=2016/m=7/d=8 {spot}/oa/storyboard/2016/7/8", environment["PROXYTHREAT_PATHS"]);
        Assert.Equal("local", environment["PROXYTHREAT_OUTPUT"]);
        Assert.Equal(Path.Join(Dir, "out/hdfs"), environment["PROXYTHREAT_LOCAL_ROOT"]);

        // No shell: each element is one argument, as written.
        Assert.Equal(["two words", "$HOME;rm"], await File.ReadAllLinesAsync(Path.Join(Hooks, "args.1")));
        Assert.Contains("2016-07-08 hook      exit 0 after ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_HookOutput_IsLoggedLineByLine_StandardOutputAsInformationStandardErrorAsWarning()
    {
        await SmallDay.SeedAsync(Dir);
        var hook = Script("talks.sh", "echo 'Query: refresh proxy_storyboard'\necho 'Fetched 0 row(s)'\necho 'WARNINGS: disk almost full' >&2");

        var (_, _, error) = await RunAsync("investigate", "--date", "2016-07-08", $"--Hooks:AfterDate:0={hook}");

        Assert.Contains($"INF] Hook Hooks:AfterDate for 2016-07-08 starting: {hook} with 0 arguments", error, StringComparison.Ordinal);
        Assert.Contains("INF] Hook for 2016-07-08: Query: refresh proxy_storyboard\n", error, StringComparison.Ordinal);
        Assert.Contains("INF] Hook for 2016-07-08: Fetched 0 row(s)\n", error, StringComparison.Ordinal);
        Assert.Contains("WRN] Hook for 2016-07-08 (standard error): WARNINGS: disk almost full\n", error, StringComparison.Ordinal);
        Assert.Contains("INF] Hook Hooks:AfterDate for 2016-07-08 done: exit 0 after ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_NothingChanged_DoesNotRunTheHookAgain()
    {
        await SmallDay.SeedAsync(Dir);
        var hook = Recorder("exit 0");
        await RunAsync("investigate", "--date", "2016-07-08", $"--Hooks:AfterDate:0={hook}");

        var (code, output, _) = await RunAsync("investigate", "--date", "2016-07-08", "--only-new", $"--Hooks:AfterDate:0={hook}");

        Assert.Equal(0, code);
        Assert.Equal(1, Runs());
        Assert.DoesNotContain(" hook ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_ThatWritesAgain_RunsTheHookAgainAndTheDateIsNoLongerNew()
    {
        await SmallDay.SeedAsync(Dir);
        var hook = Recorder("exit 0");
        await RunAsync("investigate", "--date", "2016-07-08", $"--Hooks:AfterDate:0={hook}");

        await RunAsync("investigate", "--date", "2016-07-08", $"--Hooks:AfterDate:0={hook}");

        Assert.Equal(2, Runs());
        Assert.Equal("0", Environment(2)["PROXYTHREAT_NEW_DATE"]);
    }

    [Fact]
    public async Task DryRun_DoesNotRunTheHook()
    {
        await SmallDay.SeedAsync(Dir);
        var hook = Recorder("exit 0");

        var (code, _, _) = await RunAsync("investigate", "--date", "2016-07-08", "--dry-run", $"--Hooks:AfterDate:0={hook}");

        Assert.Equal(0, code);
        Assert.Equal(0, Runs());
    }

    [Fact]
    public async Task Backfill_RunsTheHookOncePerChangedDate()
    {
        await SmallDay.SeedAsync(Dir);
        var hive = Path.Join(Dir, "samples/hdfs/user/spot/proxy/hive/oa/threat_investigation");
        Directory.CreateDirectory(Path.Join(hive, "y=2016/m=7/d=10"));
        File.Copy(Path.Join(hive, "y=2016/m=7/d=8/000000_0"), Path.Join(hive, "y=2016/m=7/d=10/000000_0"));
        var hook = Recorder("exit 0");

        var (code, output, error) = await RunAsync("backfill", "--from", "2016-07-07", "--to", "2016-07-10", $"--Hooks:AfterDate:0={hook}");

        // 07-07 and 07-09 hold no threat; 07-10's threat has no proxy record but is still written.
        Assert.True(code == 0, output + error);
        Assert.Equal(2, Runs());
        Assert.Equal(["2016-07-08", "2016-07-10"], [Environment(1)["PROXYTHREAT_DATE"], Environment(2)["PROXYTHREAT_DATE"]]);
    }

    [Fact]
    public async Task FailingHook_ExitCodeInTheLedger_OutputsStand_AndItRunsAgainAtTheNextRunOfTheDate()
    {
        await SmallDay.SeedAsync(Dir);

        // Fails on its first run only.
        var hook = Recorder("[ \"$n\" -gt 1 ] || { echo 'impalad unreachable' >&2; exit 3; }");

        var first = await RunAsync("investigate", "--date", "2016-07-08", $"--Hooks:AfterDate:0={hook}");
        var failed = await StatusAsync(hook);
        var second = await RunAsync("investigate", "--date", "2016-07-08", "--only-new", $"--Hooks:AfterDate:0={hook}");
        var succeeded = await StatusAsync(hook);
        await RunAsync("investigate", "--date", "2016-07-08", "--only-new", $"--Hooks:AfterDate:0={hook}");

        // The threat stays written and recorded, and the run's exit code is the threats' alone.
        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"2016-07-08 written   {SmallDay.U}", first.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Join(Dir, $"out/hdfs/user/spot/proxy/oa/storyboard/2016/7/8/incident-progression-{ProxyThreat.Pipeline.Spot.SpotLayout.Md5(SmallDay.U)}.json")));
        Assert.Contains("2016-07-08 hook      failed: exit 3 after ", first.Output, StringComparison.Ordinal);
        Assert.Contains("WRN] Hook Hooks:AfterDate for 2016-07-08 failed: exit 3 after ", first.Error, StringComparison.Ordinal);
        Assert.Contains($"2016-07-08 done      {SmallDay.U}", failed, StringComparison.Ordinal);
        Assert.Matches(@"2016-07-08 hook      failed: exit 3 after \d+ ms \(1 in a row\)  last-run=\S+Z  due: runs at the date's next run or firing\n", failed);

        // Nothing changed, but the hook was due: it ran again, and now it is not.
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("2016-07-08 hook      exit 0 after ", second.Output, StringComparison.Ordinal);
        Assert.Matches(@"2016-07-08 hook      exit 0 after \d+ ms  last-run=\S+Z\n", succeeded);
        Assert.Equal("1", Environment(2)["PROXYTHREAT_NEW_DATE"]);
        Assert.Equal(2, Runs());
    }

    [Fact]
    public async Task HangingHook_IsKilledWithItsChildrenAtTheTimeout_AndRecordedAsTimedOut()
    {
        await SmallDay.SeedAsync(Dir);
        var hook = Script("hangs.sh", "sleep 600 &\necho $! > \"$dir/child.pid\"\necho $$ > \"$dir/hook.pid\"\necho 'waiting for the metastore'\nwait");

        var (code, output, error) = await RunAsync("investigate", "--date", "2016-07-08", $"--Hooks:AfterDate:0={hook}", "--Hooks:Timeout=00:00:01");
        var status = await StatusAsync(hook);

        Assert.True(code == 0, output + error);
        Assert.Matches(@"2016-07-08 hook      failed: timed out after \d+\.\d s \(Hooks:Timeout\) and was killed;", output);
        Assert.Contains("INF] Hook for 2016-07-08: waiting for the metastore\n", error, StringComparison.Ordinal);
        Assert.Matches(@"2016-07-08 hook      failed: timed out after \d+\.\d s \(Hooks:Timeout\) and was killed \(1 in a row\)", status);
        Assert.False(IsRunning(await File.ReadAllTextAsync(Path.Join(Hooks, "hook.pid"))), "the hook survived its timeout");
        Assert.False(IsRunning(await File.ReadAllTextAsync(Path.Join(Hooks, "child.pid"))), "the hook's child survived its timeout");
    }

    [Fact]
    public async Task Hook_StartingTheWorker_ItsVariablesAreNotTakenForSettings()
    {
        await SmallDay.SeedAsync(Dir);
        var worker = Path.Join(AppContext.BaseDirectory, "proxythreat.dll");
        var hook = Script("report.sh", $"exec dotnet '{worker}' status --from \"$PROXYTHREAT_DATE\" --to \"$PROXYTHREAT_DATE\"");

        var (_, output, error) = await RunAsync("investigate", "--date", "2016-07-08", $"--Hooks:AfterDate:0={hook}");

        Assert.Contains("2016-07-08 hook      exit 0 after ", output, StringComparison.Ordinal);
        Assert.Contains($"INF] Hook for 2016-07-08: 2016-07-08 done      {SmallDay.U}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ExecutableHook_SaysWhatItRunsAndForWhom()
    {
        await SmallDay.SeedAsync(Dir);
        var hook = Recorder("exit 0");

        var (code, output, error) = await RunAsync("check", $"--Hooks:AfterDate:0={hook}");

        Assert.True(code == 0, output + error);
        Assert.Contains($"after-date hook (", output, StringComparison.Ordinal);
        Assert.Contains($"Hooks:AfterDate runs {hook}, a file user {System.Environment.UserName} may execute, with a timeout of 00:05:00", output, StringComparison.Ordinal);
        Assert.Equal(0, Runs());
    }

    [Fact]
    public async Task CheckAndStart_MissingHook_FailNamingTheKey()
    {
        await SmallDay.SeedAsync(Dir);
        var missing = Path.Join(Hooks, "refresh-impala.sh");

        var check = await RunAsync("check", $"--Hooks:AfterDate:0={missing}");
        var investigate = await RunAsync("investigate", "--date", "2016-07-08", $"--Hooks:AfterDate:0={missing}");

        Assert.Equal(2, check.ExitCode);
        Assert.Contains($"proxythreat: configuration: Hooks:AfterDate:0 '{missing}' does not exist", check.Error, StringComparison.Ordinal);
        Assert.Equal(2, investigate.ExitCode);
        Assert.Contains($"Hooks:AfterDate:0 '{missing}' does not exist", investigate.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Join(Dir, "out")), "nothing may be written with a bad configuration");
    }

    [Fact]
    public async Task Check_HookNotExecutable_FailsNamingTheKeyAndTheMode()
    {
        await SmallDay.SeedAsync(Dir);
        var hook = Recorder("exit 0");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (code, _, error) = await RunAsync("check", $"--Hooks:AfterDate:0={hook}");

        Assert.Equal(2, code);
        Assert.Contains($"Hooks:AfterDate:0 '{hook}' is not executable by user {System.Environment.UserName} (mode 0644)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_HookGivenAsAShellString_IsRefused()
    {
        await SmallDay.SeedAsync(Dir);

        var (code, _, error) = await RunAsync("check", "--Hooks:AfterDate=impala-shell -q 'REFRESH proxy_storyboard'");

        Assert.Equal(2, code);
        Assert.Contains("Hooks:AfterDate 'impala-shell -q 'REFRESH proxy_storyboard'' is a string; it must be a list", error, StringComparison.Ordinal);
    }

    /// <summary>A hook that records each run (its number in <c>$n</c>) with its environment and arguments, then runs <paramref name="then"/>.</summary>
    private string Recorder(string then) => Script(
        "record.sh",
        "n=$(( $(cat \"$dir/runs\" 2>/dev/null || echo 0) + 1 ))\necho \"$n\" > \"$dir/runs\"\nenv > \"$dir/env.$n\"\nprintf '%s\\n' \"$@\" > \"$dir/args.$n\"\n" + then);

    private string Script(string name, string body)
    {
        Directory.CreateDirectory(Hooks);
        var path = Path.Join(Hooks, name);
        File.WriteAllText(path, "#!/bin/sh\ndir=$(dirname \"$0\")\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return path;
    }

    private int Runs() => File.Exists(Path.Join(Hooks, "runs")) ? int.Parse(File.ReadAllText(Path.Join(Hooks, "runs")).Trim(), CultureInfo.InvariantCulture) : 0;

    private Dictionary<string, string> Environment(int run) =>
        File.ReadAllLines(Path.Join(Hooks, $"env.{run}"))
            .Where(l => l.StartsWith("PROXYTHREAT_", StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);

    private async Task<string> StatusAsync(string hook) =>
        (await RunAsync("status", "--from", "2016-07-08", "--to", "2016-07-08", $"--Hooks:AfterDate:0={hook}")).Output;

    /// <summary>Whether the process lives: a killed one is gone, or a zombie where nothing reaps orphans (a container's init).</summary>
    private static bool IsRunning(string pid)
    {
        var stat = Path.Join("/proc", pid.Trim(), "stat");
        if (!File.Exists(stat))
        {
            return false;
        }

        var text = File.ReadAllText(stat);
        return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        WorkerProcess.RunAsync(Dir, WorkerProcess.Checkout, args);
}
