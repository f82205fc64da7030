using System.Diagnostics;
using System.Text;

namespace ProxyThreat.Worker.Tests.Scheduling;

/// <summary>The real executable as systemd runs it: <c>run</c> until SIGTERM; then <c>status</c>.</summary>
public sealed class ServiceProcessTests : IAsyncLifetime
{
    private readonly ServiceHarness _service = new();

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The harness's tables, output, decisions and ledger.</summary>
    private string[] Settings =>
    [
        $"--Source:Tables:Root={Path.Join(_service.Dir, "samples/hdfs")}",
        $"--Hdfs:Local:Root={_service.HdfsRoot}",
        $"--Investigation:DecisionsPath={_service.DecisionsPath}",
        $"--State:Path={_service.LedgerPath}",
    ];

    public Task DisposeAsync() => _service.CleanUpAsync();

    [Fact]
    public async Task Run_Sigterm_ExitsZeroPromptly_AndStatusPrintsTheLedger()
    {
        var a = ServiceHarness.Uri(1);
        await _service.SeedAsync([a, ServiceHarness.Uri(2)]);
        await _service.DecideAsync([(ServiceHarness.Uri(2), "Noise", "dismiss")]);
        var settings = Settings;

        var (exitCode, log, stopTime) = await RunServiceUntilAsync(["--Schedule:Cron=0/2 * * * * ?", .. settings], lines => lines.Any(l => l.Contains("Firing done", StringComparison.Ordinal)));

        Assert.True(exitCode == 0, string.Join('\n', log));
        Assert.True(stopTime < TimeSpan.FromSeconds(30), $"stop took {stopTime}");
        Assert.Contains(log, l => l.Contains("investigated 2 (1 written, 1 dismissed", StringComparison.Ordinal));

        var status = await WorkerProcess.RunAsync(_service.Dir, null, ["status", .. settings]);

        Assert.True(status.ExitCode == 0, status.Error);
        Assert.Contains($"done      {a}  score=1 attempts=0 rows=2 last-success=", status.Output, StringComparison.Ordinal);
        Assert.Contains("dismissed " + ServiceHarness.Uri(2), status.Output, StringComparison.Ordinal);
        Assert.Contains(": 2 threats (1 done, 1 dismissed)", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_IdleFiring_LogsOneLineBug()
    {
        // Each idle firing logged four information lines, about 400 a day.
        await _service.SeedAsync([ServiceHarness.Uri(1)]);
        var (_, log, _) = await RunServiceUntilAsync(["--Schedule:Cron=* * * * * ?", .. Settings], lines => lines.Count(l => l.Contains("nothing due", StringComparison.Ordinal)) >= 2);

        var idle = log.Select((line, i) => (line, i)).Where(l => l.line.Contains("nothing due", StringComparison.Ordinal)).Select(l => l.i).ToList();
        Assert.Equal(idle[0] + 1, idle[1]);
        Assert.Matches(@"INF\] Firing done in \d+ ms for \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}: nothing due$", log[idle[1]]);
    }

    [Fact]
    public async Task Investigate_UnderTheJournal_PrioritisedEntriesWithoutTimestamps_AndSerilogSectionAddsCompactJsonFile()
    {
        await _service.SeedAsync([ServiceHarness.Uri(1)]);

        // systemd sets JOURNAL_STREAM to standard error's device and inode; the journal stamps each entry itself.
        var (code, _, error) = await WorkerProcess.RunAsJournaledAsync(
            _service.Dir,
            [
                "investigate",
                "--date",
                ServiceHarness.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                .. Settings,
                "--Serilog:WriteTo:0:Name=File",
                "--Serilog:WriteTo:0:Args:path=logs/proxythreat-.clef",
                "--Serilog:WriteTo:0:Args:rollingInterval=Day",
                "--Serilog:WriteTo:0:Args:formatter=Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact",
            ]);

        Assert.True(code == 0, error);
        Assert.DoesNotContain("\u001b[", error, StringComparison.Ordinal);
        Assert.Contains("\n<6>[INF] Investigated " + ServiceHarness.Uri(1), "\n" + error, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(Path.Join(_service.Dir, "logs"), "proxythreat-*.clef"));
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Contains(lines, l => l.StartsWith("{\"@t\":", StringComparison.Ordinal) && l.Contains("\"EventId\":{\"Id\":1001", StringComparison.Ordinal));
    }

    /// <summary>Runs the service until its log satisfies the condition (at most 60 s), then stops it with SIGTERM.</summary>
    private async Task<(int ExitCode, List<string> Log, TimeSpan StopTime)> RunServiceUntilAsync(string[] settings, Func<IReadOnlyList<string>, bool> done)
    {
        using var process = WorkerProcess.Start(_service.Dir, null, ["run", .. settings]);
        var log = new List<string>();
        var reached = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                if (e.Data is { } line)
                {
                    log.Add(line);
                }

                if (done(log))
                {
                    reached.TrySetResult();
                }
            }
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync();
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var stopping = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await output;
        lock (log)
        {
            return (process.ExitCode, [.. log], stopping.Elapsed);
        }
    }
}
