using System.Diagnostics;
using System.Text;

namespace ProxyThreat.Worker.Tests.Scheduling;

/// <summary>The real executable as systemd runs it: <c>run</c> until SIGTERM; then <c>status</c>.</summary>
public sealed class ServiceProcessTests : IAsyncLifetime
{
    private readonly ServiceHarness _service = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _service.CleanUpAsync();

    [Fact]
    public async Task Run_Sigterm_ExitsZeroPromptly_AndStatusPrintsTheLedger()
    {
        var a = ServiceHarness.Uri(1);
        await _service.SeedAsync([a, ServiceHarness.Uri(2)]);
        await _service.DecideAsync([(ServiceHarness.Uri(2), "Noise", "dismiss")]);
        string[] settings =
        [
            $"--Source:Tables:Root={Path.Join(_service.Dir, "samples/hdfs")}",
            $"--Hdfs:Local:Root={_service.HdfsRoot}",
            $"--Investigation:DecisionsPath={_service.DecisionsPath}",
            $"--State:Path={_service.LedgerPath}",
        ];

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _service.Dir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Join(AppContext.BaseDirectory, "proxythreat.dll"));
        foreach (var arg in (string[])["run", "--Schedule:Cron=0/2 * * * * ?", .. settings])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var log = new StringBuilder();
        var firingDone = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Firing done", StringComparison.Ordinal) == true)
            {
                firingDone.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync();
        await firingDone.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var stopping = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await output;

        Assert.True(process.ExitCode == 0, log.ToString());
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(30), $"stop took {stopping.Elapsed}");
        Assert.Contains("2 threats investigated (1 written, 1 dismissed", log.ToString(), StringComparison.Ordinal);

        var status = await WorkerProcess.RunAsync(_service.Dir, null, ["status", .. settings]);

        Assert.True(status.ExitCode == 0, status.Error);
        Assert.Contains($"done      {a}  score=1 attempts=0 rows=2 last-success=", status.Output, StringComparison.Ordinal);
        Assert.Contains("dismissed " + ServiceHarness.Uri(2), status.Output, StringComparison.Ordinal);
        Assert.Contains(": 2 threats (1 done, 1 dismissed)", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_UnderTheJournal_PrioritisedEntriesWithoutTimestamps_AndSerilogSectionAddsCompactJsonFile()
    {
        await _service.SeedAsync([ServiceHarness.Uri(1)]);

        // systemd sets JOURNAL_STREAM to standard error's device and inode; the journal stamps each entry itself.
        var (code, _, error) = await WorkerProcess.RunAsJournaledAsync(
            _service.Dir,
            "investigate",
            "--date",
            ServiceHarness.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            $"--Source:Tables:Root={Path.Join(_service.Dir, "samples/hdfs")}",
            $"--Hdfs:Local:Root={_service.HdfsRoot}",
            $"--Investigation:DecisionsPath={_service.DecisionsPath}",
            $"--State:Path={_service.LedgerPath}",
            "--Serilog:WriteTo:0:Name=File",
            "--Serilog:WriteTo:0:Args:path=logs/proxythreat-.clef",
            "--Serilog:WriteTo:0:Args:rollingInterval=Day",
            "--Serilog:WriteTo:0:Args:formatter=Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact");

        Assert.True(code == 0, error);
        Assert.DoesNotContain("\u001b[", error, StringComparison.Ordinal);
        Assert.Contains("\n<6>[INF] Investigated " + ServiceHarness.Uri(1), "\n" + error, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(Path.Join(_service.Dir, "logs"), "proxythreat-*.clef"));
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Contains(lines, l => l.StartsWith("{\"@t\":", StringComparison.Ordinal) && l.Contains("\"EventId\":{\"Id\":1001", StringComparison.Ordinal));
    }
}
