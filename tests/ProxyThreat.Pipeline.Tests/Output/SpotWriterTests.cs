using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Output;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Tables;
using ProxyThreat.Pipeline.Tests.Support;

using ProxyThreat.Pipeline.Tests.Sources;
using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Story;

namespace ProxyThreat.Pipeline.Tests.Output;

public sealed class SpotWriterTests : IDisposable
{
    private const string U = "http://bad.example/\"x\"%20ünï.exe";
    private const string Other = "http://other.example/";
    private readonly SpotFolder _spot = new();

    public void Dispose() => _spot.Dispose();

    [Fact]
    public async Task Write_EmptyPartitions_WritesOneStoryboardRowTimelineRowsAndProgressionFile()
    {
        await new SpotWriter(_spot.Hdfs, _spot.Layout, HdfsKind.Local).WriteAsync(SpotFolder.Day, Story, Analysis(), CancellationToken.None);

        var storyboard = await _spot.ReadAsync(_spot.Storyboard(), SpotTables.Storyboard);
        Assert.Equal([U, "Title", "Text"], Assert.Single(storyboard));
        var timeline = await _spot.ReadAsync(_spot.Timeline(), SpotTables.Timeline);
        Assert.Equal([U, "2016-07-08 10:00:00", "2016-07-08 10:00:01", 300L, "10.0.0.1", "200", "OK"], Assert.Single(timeline));
        var progression = Path.Join(_spot.Root, $"user/spot/proxy/oa/storyboard/2016/7/8/incident-progression-{SpotLayout.Md5(U)}.json");
        Assert.Equal(await Progression.BytesAsync(Analysis(), StoryOrigin.Decision), await File.ReadAllBytesAsync(progression));
    }

    [Fact]
    public async Task Write_NoRequestOnADateWithNoTimelinePartitionYet_WritesStoryAndNoTimelineBug()
    {
        // Deleting the threat's own timeline file from a partition folder that did not exist yet threw
        // "Could not find a part of the path" after the JSON and the storyboard row were written.
        var none = ThreatAnalyzer.Analyze(U, Req.Rows(), new TimelineSettings(20, TimeSpan.FromMinutes(5)), HttpStatusNames.Default);

        await new SpotWriter(_spot.Hdfs, _spot.Layout, HdfsKind.Local).WriteAsync(SpotFolder.Day, Story, none, CancellationToken.None);

        Assert.Equal([U, "Title", "Text"], Assert.Single(await _spot.ReadAsync(_spot.Storyboard(), SpotTables.Storyboard)));
        Assert.Empty(await _spot.ReadAsync(_spot.Timeline(), SpotTables.Timeline));
        Assert.Empty(_spot.Snapshot(_spot.Timeline()));
    }

    [Fact]
    public async Task Write_PartitionHoldsOtherUrisAndOldRowsOfU_KeepsOthersUnchangedAndReplacesU()
    {
        await SeedOtherToolsRowsAsync();

        await new SpotWriter(_spot.Hdfs, _spot.Layout, HdfsKind.Local).WriteAsync(SpotFolder.Day, Story, Analysis(), CancellationToken.None);

        await AssertFinalStateAsync();
    }

    [Fact]
    public async Task Write_RepeatedWithSameInputs_LeavesSameRowsAndByteIdenticalFiles()
    {
        await SeedOtherToolsRowsAsync();
        var writer = new SpotWriter(_spot.Hdfs, _spot.Layout, HdfsKind.Local);
        await writer.WriteAsync(SpotFolder.Day, Story, Analysis(), CancellationToken.None);
        var first = _spot.Snapshot("user/spot/proxy");

        await writer.WriteAsync(SpotFolder.Day, Story, Analysis(), CancellationToken.None);

        var second = _spot.Snapshot("user/spot/proxy");
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        foreach (var (file, bytes) in first)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(second[file]), $"{file} changed on a repeat run");
        }
    }

    [Fact]
    public async Task Write_StoppedBeforeEachWriteStep_NeverLosesAnotherUrisRowAndNextRunRepairs()
    {
        var steps = await CountMutationsAsync();
        Assert.True(steps >= 6, $"expected several write steps, saw {steps}");

        for (var crashAt = 0; crashAt < steps; crashAt++)
        {
            using var spot = new SpotFolder();
            await SeedOtherToolsRowsAsync(spot);
            var crashing = new RecordingHdfs(spot.Hdfs, mutationsBeforeCrash: crashAt);

            await Assert.ThrowsAsync<SimulatedCrashException>(
                () => new SpotWriter(crashing, spot.Layout, HdfsKind.Local).WriteAsync(SpotFolder.Day, Story, Analysis(), CancellationToken.None));

            // Every row of another URI is still readable: at most U's rows are doubled or stale.
            var storyboard = await spot.ReadAsync(spot.Storyboard(), SpotTables.Storyboard);
            var timeline = await spot.ReadAsync(spot.Timeline(), SpotTables.Timeline);
            Assert.Equal(OtherStoryboardRows, storyboard.Where(r => (string?)r[0] != U));
            Assert.Equal(OtherTimelineRows, timeline.Where(r => (string?)r[0] != U));

            await new SpotWriter(spot.Hdfs, spot.Layout, HdfsKind.Local).WriteAsync(SpotFolder.Day, Story, Analysis(), CancellationToken.None);
            await AssertFinalStateAsync(spot);
            Assert.DoesNotContain(spot.Snapshot("user/spot/proxy").Keys, k => Path.GetFileName(k).StartsWith('.'));
        }
    }

    [Fact]
    public async Task Write_ForeignFileWithExtraColumnHoldsU_FailsNamingFileAndLosesNothing()
    {
        var odd = new TableSchema("odd", new TableColumn("p_threat", ColumnType.String), new TableColumn("title", ColumnType.String), new TableColumn("text", ColumnType.String), new TableColumn("note", ColumnType.String));
        await _spot.WriteAsync(_spot.Storyboard(), "000000_0", odd, [U, "old", "old", "n"], [Other, "t", "x", "n"]);

        var error = await Assert.ThrowsAsync<TableFormatException>(
            () => new SpotWriter(_spot.Hdfs, _spot.Layout, HdfsKind.Local).WriteAsync(SpotFolder.Day, Story, Analysis(), CancellationToken.None));

        Assert.Contains("000000_0", error.Message, StringComparison.Ordinal);
        var kept = await _spot.ReadAsync(_spot.Storyboard(), odd);
        Assert.Contains(kept, r => (string?)r[0] == Other && (string?)r[3] == "n");
    }

    [Fact]
    public async Task Write_ConcurrentThreatsOfOneDate_KeepEveryThreatsRows()
    {
        await SeedOtherToolsRowsAsync();
        var writer = new SpotWriter(_spot.Hdfs, _spot.Layout, HdfsKind.Local);
        var uris = Enumerable.Range(0, 12).Select(i => $"http://t{i}.example/").ToList();

        await Parallel.ForEachAsync(uris, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (uri, ct) =>
            await writer.WriteAsync(SpotFolder.Day, Story, Analysis(uri), ct));

        var storyboard = await _spot.ReadAsync(_spot.Storyboard(), SpotTables.Storyboard);
        Assert.Equal(uris.Concat([U, U, Other, "http://csv.example/"]).Order(StringComparer.Ordinal), storyboard.Select(r => (string)r[0]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Write_TimelineEmpty_RemovesEarlierTimelineRowsOfU()
    {
        await SeedOtherToolsRowsAsync();
        var empty = Analysis(topResults: 0);
        Assert.Empty(empty.Timeline);

        await new SpotWriter(_spot.Hdfs, _spot.Layout, HdfsKind.Local).WriteAsync(SpotFolder.Day, Story, empty, CancellationToken.None);

        var timeline = await _spot.ReadAsync(_spot.Timeline(), SpotTables.Timeline);
        Assert.Equal(OtherTimelineRows, timeline);
    }

    [Fact]
    public async Task Write_CancelledWhileAFileIsHalfWritten_LeavesNoHiddenFileBehind()
    {
        // Regression: a run stopped mid-write left its hidden temporary file until the threat's next run.
        using var stop = new CancellationTokenSource();
        var hdfs = new StopAfterFirstCreate(_spot.Hdfs, stop);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new SpotWriter(hdfs, _spot.Layout, HdfsKind.Local).WriteAsync(SpotFolder.Day, Story, Analysis(), stop.Token));

        Assert.DoesNotContain(_spot.Snapshot("/").Keys, k => Path.GetFileName(k).StartsWith('.'));
    }

    /// <summary>Writes the first file's bytes, then stops the run as if the stop came while they were being written.</summary>
    private sealed class StopAfterFirstCreate(IHdfs inner, CancellationTokenSource stop) : IHdfs
    {
        public string Describe(string path) => inner.Describe(path);

        public Task<IReadOnlyList<HdfsEntry>> ListAsync(string directory, CancellationToken cancellationToken) => inner.ListAsync(directory, cancellationToken);

        public Task<HdfsEntry?> GetStatusAsync(string path, CancellationToken cancellationToken) => inner.GetStatusAsync(path, cancellationToken);

        public Task<Stream> OpenAsync(string path, CancellationToken cancellationToken) => inner.OpenAsync(path, cancellationToken);

        public async Task CreateAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
        {
            await inner.CreateAsync(path, write, CancellationToken.None);
            await stop.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        public Task RenameAsync(string source, string destination, CancellationToken cancellationToken) => inner.RenameAsync(source, destination, cancellationToken);

        public Task RecoverAsync(string directory, CancellationToken cancellationToken) => inner.RecoverAsync(directory, cancellationToken);

        public Task DeleteAsync(string path, CancellationToken cancellationToken) => inner.DeleteAsync(path, cancellationToken);
    }

    private static ThreatStory Story { get; } = new("Title", "Text", StoryOrigin.Decision);

    private static object?[][] OtherStoryboardRows { get; } = [[Other, "Other title", "Other, \"text\""], ["http://csv.example/", "CSV title", null]];

    private static object?[][] OtherTimelineRows { get; } =
    [
        [Other, "2016-07-08 01:00:00", "2016-07-08 01:00:05", 10L, "10.9.9.9", "404", "Not Found"],
        ["http://csv.example/", "2016-07-08 02:00:00", "2016-07-08 02:00:00", 0L, null, null, "Unknown"],
    ];

    private static ThreatAnalysis Analysis(string uri = U, int topResults = 20)
    {
        var rows = Req.Rows(
            Req.At("10:00:00").From("10.0.0.1").Took(100).To(uri).Code("200").Method("GET").Type("text/html").Ref("http://ref/"),
            Req.At("10:00:01").From("10.0.0.1").Took(200).To(uri).Code("200").Method("GET").Type("text/html"));
        return ThreatAnalyzer.Analyze(uri, rows, new TimelineSettings(topResults, TimeSpan.FromMinutes(5)), HttpStatusNames.Default);
    }

    private Task SeedOtherToolsRowsAsync() => SeedOtherToolsRowsAsync(_spot);

    /// <summary>Partitions as Spot's notebook and a hand-made CSV left them, each file mixing U's rows with others'.</summary>
    private static async Task SeedOtherToolsRowsAsync(SpotFolder spot)
    {
        await spot.WriteAsync(spot.Storyboard(), "000000_0", SpotTables.Storyboard, [U, "Old title", "Old text"], OtherStoryboardRows[0]);
        await spot.WriteAsync(spot.Storyboard(), "hand.csv", SpotTables.Storyboard, OtherStoryboardRows[1], [U, "Older", "Older"]);
        await spot.WriteAsync(spot.Timeline(), "000000_0", SpotTables.Timeline, OtherTimelineRows[0], [U, "2016-07-08 09:00:00", "2016-07-08 09:00:00", 5L, "10.0.0.7", "200", "respCodeName"]);
        await spot.WriteAsync(spot.Timeline(), "hand.csv", SpotTables.Timeline, OtherTimelineRows[1]);
    }

    private Task AssertFinalStateAsync() => AssertFinalStateAsync(_spot);

    private static async Task AssertFinalStateAsync(SpotFolder spot)
    {
        var storyboard = await spot.ReadAsync(spot.Storyboard(), SpotTables.Storyboard);
        Assert.Equal([U, "Title", "Text"], Assert.Single(storyboard, r => (string?)r[0] == U));
        Assert.Equal(OtherStoryboardRows, storyboard.Where(r => (string?)r[0] != U));

        var timeline = await spot.ReadAsync(spot.Timeline(), SpotTables.Timeline);
        Assert.Equal(Analysis().Timeline.Count, timeline.Count(r => (string?)r[0] == U));
        Assert.DoesNotContain(timeline, r => (string?)r[6] == "respCodeName");
        Assert.Equal(OtherTimelineRows, timeline.Where(r => (string?)r[0] != U));

        var progression = Path.Join(spot.Root, $"user/spot/proxy/oa/storyboard/2016/7/8/incident-progression-{SpotLayout.Md5(U)}.json");
        Assert.Equal(await Progression.BytesAsync(Analysis(), StoryOrigin.Decision), await File.ReadAllBytesAsync(progression));
    }

    private static async Task<int> CountMutationsAsync()
    {
        using var spot = new SpotFolder();
        await SeedOtherToolsRowsAsync(spot);
        var recording = new RecordingHdfs(spot.Hdfs);
        await new SpotWriter(recording, spot.Layout, HdfsKind.Local).WriteAsync(SpotFolder.Day, Story, Analysis(), CancellationToken.None);
        return recording.Calls.Count(c => !c.StartsWith("LIST", StringComparison.Ordinal) && !c.StartsWith("OPEN", StringComparison.Ordinal) && !c.StartsWith("RECOVER", StringComparison.Ordinal));
    }
}
