using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Output;
using ProxyThreat.Pipeline.Selection;
using ProxyThreat.Pipeline.Sources.Tables;
using ProxyThreat.Pipeline.Story;
using ProxyThreat.Pipeline.Tables;
using ProxyThreat.Pipeline.Tests.Support;

namespace ProxyThreat.Pipeline.Tests.Investigation;

public sealed class InvestigatorTests : IDisposable
{
    private const string Decided = "http://decided.example/a";
    private const string Saved = "http://saved.example/b";
    private const string Plain = "http://plain.example/c";
    private const string Dismissed = "http://dismissed.example/d";
    private const string Medium = "http://medium.example/e";
    private readonly SpotFolder _input = new();
    private readonly SpotFolder _output = new();

    public void Dispose()
    {
        _input.Dispose();
        _output.Dispose();
    }

    [Fact]
    public async Task Investigate_Date_SelectsSeverityOneAndTakesTitlesByPrecedence()
    {
        await SeedAsync();

        var outcomes = await RunAsync(Decisions());

        Assert.Equal(
            [(Decided, ThreatStatus.Written), (Dismissed, ThreatStatus.Dismissed), (Plain, ThreatStatus.Written), (Saved, ThreatStatus.Written)],
            outcomes.Select(o => (o.Uri, o.Status)).Order());
        var storyboard = (await _output.ReadAsync(_output.Storyboard(), SpotTables.Storyboard)).ToDictionary(r => (string)r[0]!);
        Assert.Equal("Analyst title", storyboard[Decided][1]);
        Assert.Equal("Saved text", storyboard[Decided][2]);
        Assert.Equal("Saved title", storyboard[Saved][1]);
        Assert.StartsWith("[generated] High-risk URI plain.example", (string?)storyboard[Plain][1], StringComparison.Ordinal);
        Assert.False(storyboard.ContainsKey(Dismissed));
        Assert.False(storyboard.ContainsKey(Medium));
        Assert.Equal(StoryOrigin.Decision, outcomes.Single(o => o.Uri == Decided).Origin);
        Assert.Equal(3, outcomes.Single(o => o.Uri == Plain).Rows);
    }

    [Fact]
    public async Task Investigate_ScoredUriWithNoRawPartitionOnItsDate_WrittenWithEmptyTimelineAndNoRecordSummary()
    {
        await _input.WriteScoresAsync((Plain, 2));
        Directory.CreateDirectory(Path.Join(_input.Root, _input.Layout.ProxyTable, "y=2016/m=07/d=07/h=10"));

        var outcomes = await RunAsync(DecisionBook.Empty, o => o.Severities = [1, 2]);

        var outcome = Assert.Single(outcomes);
        Assert.True(outcome.Status == ThreatStatus.Written, outcome.Error?.ToString());
        var story = Assert.Single(await _output.ReadAsync(_output.Storyboard(), SpotTables.Storyboard));
        Assert.Equal("[generated] Medium-risk URI plain.example: no proxy record", story[1]);
        Assert.StartsWith($"[generated] No proxy record of {Plain} on 2016-07-08", (string?)story[2], StringComparison.Ordinal);
        Assert.Empty(await _output.ReadAsync(_output.Timeline(), SpotTables.Timeline));
    }

    [Fact]
    public async Task Investigate_MissingDecisionSkip_LeavesUndecidedThreatsForLater()
    {
        await SeedAsync();

        var outcomes = await RunAsync(Decisions(), o => o.MissingDecision = MissingDecisionPolicy.Skip);

        Assert.Equal(ThreatStatus.Skipped, outcomes.Single(o => o.Uri == Plain).Status);
        Assert.Equal(ThreatStatus.Written, outcomes.Single(o => o.Uri == Saved).Status);
        var storyboard = await _output.ReadAsync(_output.Storyboard(), SpotTables.Storyboard);
        Assert.DoesNotContain(storyboard, r => (string?)r[0] == Plain);
    }

    [Fact]
    public async Task Investigate_DryRun_ComputesEverythingAndWritesNothing()
    {
        await SeedAsync();

        var outcomes = await RunAsync(Decisions(), dryRun: true);

        Assert.Equal(3, outcomes.Count(o => o.Status == ThreatStatus.DryRun));
        Assert.Equal(3, outcomes.Single(o => o.Uri == Plain).Rows);
        Assert.Empty(_output.Snapshot("/"));
    }

    [Fact]
    public async Task Investigate_OnlyGivenUris_InvestigatesThoseAndFailsUnscoredOnes()
    {
        await SeedAsync();

        var outcomes = await RunAsync(Decisions(), uris: [Plain, Medium]);

        Assert.Equal(ThreatStatus.Written, outcomes.Single(o => o.Uri == Plain).Status);
        var medium = outcomes.Single(o => o.Uri == Medium);
        Assert.Equal(ThreatStatus.Failed, medium.Status);
        Assert.Contains("not scored with severity 1", medium.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(2, outcomes.Count);
    }

    [Fact]
    public async Task Investigate_SeveritiesOneAndTwo_IncludesMediumThreats()
    {
        await SeedAsync();

        var outcomes = await RunAsync(DecisionBook.Empty, o => o.Severities = [1, 2]);

        Assert.Equal(ThreatStatus.Written, outcomes.Single(o => o.Uri == Medium).Status);
    }

    [Fact]
    public async Task Investigate_OneThreatsWriteFails_OtherThreatsStillWritten()
    {
        await SeedAsync();

        // A directory squatting on one threat's progression file name makes only that threat's write fail.
        var md5 = ProxyThreat.Pipeline.Spot.SpotLayout.Md5(Plain);
        Directory.CreateDirectory(Path.Join(_output.Root, $"user/spot/proxy/oa/storyboard/2016/7/8/incident-progression-{md5}.json/x"));

        var outcomes = await RunAsync(Decisions());

        var failed = Assert.Single(outcomes, o => o.Status == ThreatStatus.Failed);
        Assert.Equal(Plain, failed.Uri);
        Assert.NotNull(failed.Error);
        Assert.Equal(2, outcomes.Count(o => o.Status == ThreatStatus.Written));
    }

    [Fact]
    public async Task Investigate_EveryThreatsWriteFailsTheSameWay_OneStackTraceThenTheCountBug()
    {
        // A read-only output gave one stack trace per threat; the failures differ only by the threat's file names.
        await SeedAsync();
        var logger = new FakeLogger<Investigator>();
        var investigator = new Investigator(
            new TablesSource(_input.Hdfs, _input.Layout),
            new SpotWriter(new RecordingHdfs(_output.Hdfs, mutationsBeforeCrash: 0), _output.Layout, HdfsKind.Local),
            _input.Reads,
            Options.Create(new InvestigationOptions()),
            TimeProvider.System,
            logger);

        var outcomes = await investigator.InvestigateAsync(await SelectAsync(DecisionBook.Empty), InvestigationScope.All, CancellationToken.None).ToListAsync();

        Assert.Equal(4, outcomes.Count(o => o.Status == ThreatStatus.Failed));
        var log = logger.Collector.GetSnapshot();
        Assert.NotNull(Assert.Single(log, r => r.Id.Id == 1004).Exception);
        Assert.Equal(3, log.Count(r => r.Id.Id == 1007 && r.Exception is null));
        var summary = Assert.Single(log, r => r.Id.Id == 1008);
        Assert.StartsWith("4 threats of 2016-07-08 failed the same way: SimulatedCrashException: ", summary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_CorruptRawPartition_FailsTheDateNamingTheThreatsNotAttemptedBug()
    {
        // The threats never attempted were listed nowhere.
        await SeedAsync();
        await _input.Hdfs.CreateAsync($"{_input.RawHour(11)}/000000_0", "not parquet"u8.ToArray(), CancellationToken.None);
        var outcomes = new List<ThreatOutcome>();

        var error = await Assert.ThrowsAsync<DateFailedException>(async () =>
        {
            await foreach (var outcome in Create(new InvestigationOptions()).InvestigateAsync(await SelectAsync(Decisions()), InvestigationScope.All, CancellationToken.None))
            {
                outcomes.Add(outcome);
            }
        });

        Assert.Equal([(Dismissed, ThreatStatus.Dismissed)], outcomes.Select(o => (o.Uri, o.Status)));
        Assert.Equal([Decided, Plain, Saved], error.NotAttempted.Order(StringComparer.Ordinal));
        Assert.IsType<TableFormatException>(error.InnerException);
        Assert.Contains("h=11/000000_0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_SelectionFromScoresAlreadyRead_InvestigatesItsThreatsWithoutReadingScoresAgain()
    {
        await SeedAsync();
        var investigator = Create(new InvestigationOptions());
        var selection = ThreatSelection.Select(SpotFolder.Day, [new(Plain, 1)], DecisionBook.Empty, new HashSet<int> { 1 });

        var outcomes = new List<ThreatOutcome>();
        await foreach (var outcome in investigator.InvestigateAsync(selection, InvestigationScope.All, CancellationToken.None))
        {
            outcomes.Add(outcome);
        }

        Assert.Equal(Plain, Assert.Single(outcomes).Uri);
    }

    [Fact]
    public async Task Investigate_ReaderStopsAfterFirstOutcome_EndsWithoutLeavingTheRunBehind()
    {
        await SeedAsync();
        var output = new HeldHdfs(_output.Hdfs);
        var investigator = Create(new InvestigationOptions { MaxParallelThreats = 1 }, output);

        // After the first outcome, every write waits inside its file until the run is cancelled; the reader stops
        // once one does, so the run is mid-write.
        await ReadFirstAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // Disposing the enumerator waited for the run to stop: no call of it is still in flight or comes later, and
        // a write the stop cut short took its hidden temporary file with it.
        Assert.Equal(0, output.Close());
        var written = _output.Snapshot("/");
        Assert.DoesNotContain(written.Keys, k => Path.GetFileName(k).StartsWith('.'));
        Assert.Empty(output.Late);

        async Task ReadFirstAsync()
        {
            await foreach (var _ in investigator.InvestigateAsync(await SelectAsync(Decisions()), InvestigationScope.All, CancellationToken.None))
            {
                await output.HoldAsync();
                break;
            }
        }
    }

    [Fact]
    public async Task Investigate_AgainWhereSpotReadsBackTheWorkersOwnRows_StillGeneratesRatherThanCopyingItself()
    {
        await SeedAsync();

        // As in production: the source reads the storyboard partition the writer writes.
        var investigator = new Investigator(
            new TablesSource(_input.Hdfs, _input.Layout),
            new SpotWriter(_input.Hdfs, _input.Layout, HdfsKind.Local),
            _input.Reads,
            Options.Create(new InvestigationOptions()),
            TimeProvider.System,
            NullLogger<Investigator>.Instance);
        var first = await investigator.InvestigateAsync(await SelectAsync(DecisionBook.Empty), new InvestigationScope([Plain], false), CancellationToken.None).ToListAsync();
        var second = await investigator.InvestigateAsync(await SelectAsync(DecisionBook.Empty), new InvestigationScope([Plain], false), CancellationToken.None).ToListAsync();

        Assert.Equal(StoryOrigin.Generated, Assert.Single(first).Origin);
        Assert.Equal(StoryOrigin.Generated, Assert.Single(second).Origin);
        var storyboard = await _input.ReadAsync(_input.Storyboard(), SpotTables.Storyboard);
        Assert.Single(storyboard, r => (string?)r[0] == Plain);
    }

    private static DecisionBook Decisions() => new(
    [
        new Decision(SpotFolder.Day, Decided, "Analyst title", null, DecisionAction.Investigate),
        new Decision(SpotFolder.Day, Dismissed, null, null, DecisionAction.Dismiss),
        new Decision(SpotFolder.Day.AddDays(1), Plain, "Another day's title", null, DecisionAction.Investigate),
    ]);

    private async Task SeedAsync()
    {
        await _input.WriteScoresAsync((Decided, 1), (Saved, 1), (Plain, 1), (Plain, 1), (Dismissed, 1), (Medium, 2), ("http://low.example/", 3));
        await _input.WriteAsync(_input.Storyboard(), "000000_0", SpotTables.Storyboard, [Saved, "Saved title", "Saved text"], [Decided, null, "Saved text"]);
        var rows = new List<RawRow>();
        foreach (var uri in new[] { Decided, Saved, Plain, Dismissed, Medium })
        {
            rows.Add(new RawRow("10:00:00", "10.0.0.1", uri, Referer: "http://portal.example/"));
            rows.Add(new RawRow("10:00:30", "10.0.0.2", uri, RespCode: "404"));
            rows.Add(new RawRow("10:01:00", "10.0.0.1", "http://next.example/", Referer: uri));
        }

        await _input.WriteRawAsync(10, "000000_0", [.. rows]);
    }

    private async Task<List<ThreatOutcome>> RunAsync(DecisionBook decisions, Action<InvestigationOptions>? configure = null, bool dryRun = false, IReadOnlyCollection<string>? uris = null)
    {
        var options = new InvestigationOptions();
        configure?.Invoke(options);
        var investigator = Create(options);
        var outcomes = new List<ThreatOutcome>();
        await foreach (var outcome in investigator.InvestigateAsync(await SelectAsync(decisions, options), new InvestigationScope(uris ?? [], dryRun), CancellationToken.None))
        {
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    private Task<ThreatSelection> SelectAsync(DecisionBook decisions, InvestigationOptions? options = null) =>
        ThreatSelection.ReadAsync(new TablesSource(_input.Hdfs, _input.Layout), SpotFolder.Day, decisions, ThreatSelection.SeveritiesOf(options ?? new InvestigationOptions()), CancellationToken.None);

    private Investigator Create(InvestigationOptions options, IHdfs? output = null) => new(
        new TablesSource(_input.Hdfs, _input.Layout),
        new SpotWriter(output ?? _output.Hdfs, _output.Layout, HdfsKind.Local),
        _input.Reads,
        Options.Create(options),
        TimeProvider.System,
        NullLogger<Investigator>.Instance);
}
