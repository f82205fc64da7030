using System.Diagnostics;
using System.Text.RegularExpressions;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Worker.Logging;

namespace ProxyThreat.Worker.Tests.Logging;

public sealed partial class JournalTests : IDisposable
{
    // A sample threat whose write is made to fail, so the log holds an error with a stack trace.
    private const string Failing = "http://203.0.113.77/gate.php?bot=WIN7X64&id=A93F02C1";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("proxythreat-journal-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Identity_OfAnOpenFile_IsTheDeviceAndInodeCoreutilsStatPrints()
    {
        var path = Path.Join(_dir.FullName, "f");
        await File.WriteAllTextAsync(path, "x");
        using var handle = File.OpenHandle(path);

        var identity = Journal.Identity((int)handle.DangerousGetHandle());

        Assert.Equal(await StatAsync(path), $"{identity?.Device}:{identity?.Inode}");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("64768:1234", true)]
    [InlineData("64768:1235", false)]
    [InlineData("1:1234", false)]
    [InlineData("64768:1234:9", false)]
    [InlineData("dev:ino", false)]
    public void Matches_JournalStream_OnlyTheDeviceAndInodeOfTheStream(string? journalStream, bool expected)
    {
        Assert.Equal(expected, Journal.Matches(journalStream, (64768UL, 1234UL)));
        Assert.False(Journal.Matches(journalStream, null));
    }

    [Fact]
    public async Task Investigate_StandardErrorIsTheJournalStream_OneEntryPerEventWithItsPriority()
    {
        var (code, _, error) = await WorkerProcess.RunAsJournaledAsync(_dir.FullName, SampleRun());

        Assert.Equal(1, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches(EntryLine(), line));
        Assert.Contains(lines, l => l.StartsWith("<6>[INF] 2016-07-08: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("<4>[WRN] Dismissed by an analyst", StringComparison.Ordinal));

        // The failed threat's event and its stack trace are one entry, its line breaks escaped.
        var failure = Assert.Single(lines, l => l.StartsWith("<3>[ERR] Investigation of " + Failing, StringComparison.Ordinal));
        Assert.Contains("\\n   at ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadConfiguration_StandardErrorIsTheJournalStream_ErrorEntry()
    {
        var (code, _, error) = await WorkerProcess.RunAsJournaledAsync(_dir.FullName, "run", "--Schedule:LookbackDays=0");

        Assert.Equal(2, code);
        Assert.StartsWith("<3>proxythreat: configuration: Schedule:LookbackDays must be from 1 to 31; got 0\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_JournalStreamNamesAnotherStream_PlainDatedLines()
    {
        // Inherited from a parent whose output went to the journal; this process's standard error is a pipe.
        var (code, _, error) = await WorkerProcess.RunAsync(_dir.FullName, new Dictionary<string, string> { ["JOURNAL_STREAM"] = "8:12345", ["INVOCATION_ID"] = "0123456789abcdef" }, SampleRun());

        Assert.Equal(1, code);
        Assert.Matches(@"^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2} INF\] 2016-07-08: ", error);
        Assert.Contains("\n   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("<6>", error, StringComparison.Ordinal);
    }

    private string[] SampleRun()
    {
        var output = Path.Join(_dir.FullName, "out");
        Directory.CreateDirectory(Path.Join(output, $"user/spot/proxy/oa/storyboard/2016/7/8/incident-progression-{SpotLayout.Md5(Failing)}.json/squatter"));
        return
        [
            "investigate", "--date", "2016-07-08",
            $"--Source:Tables:Root={Repository.Path("samples", "hdfs")}",
            $"--Investigation:DecisionsPath={Repository.Path("samples", "decisions.jsonl")}",
            $"--Hdfs:Local:Root={output}",
            $"--State:Path={Path.Join(_dir.FullName, "ledger.db")}",
        ];
    }

    private static async Task<string> StatAsync(string path)
    {
        var start = new ProcessStartInfo("stat") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("%d:%i");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }

    [GeneratedRegex(@"^<[0-7]>\S")]
    private static partial Regex EntryLine();
}
