using System.Text.Json;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Output;
using ProxyThreat.Pipeline.Provenance;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Story;
using ProxyThreat.Pipeline.Tables;
using ProxyThreat.Pipeline.Tests.Support;

namespace ProxyThreat.Pipeline.Tests.Provenance;

/// <summary>
/// The <c>provenance</c> of the incident-progression files of the committed sample day: the exact files read,
/// the story's origin, the worker and the settings, the timeline's cap; and a repeat run writes the same bytes.
/// </summary>
public sealed class ProvenanceTests : IDisposable
{
    private static readonly string SampleTables = Path.Join(ReportDays.Samples, "hdfs");

    private readonly SpotFolder _first = new();
    private readonly SpotFolder _second = new();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public async Task Investigate_SampleDay_ProvenanceNamesTheExactFilesReadWithTheirSizes()
    {
        await ReportDays.InvestigateSampleDayAsync(_first);

        // Found here by walking the folder itself, not as the worker finds them: the day's score partition, then each
        // hour of the raw table in hour order, every visible file of each.
        var expected = Files("user/spot/proxy/hive/oa/threat_investigation/y=2016/m=7/d=8")
            .Concat(Enumerable.Range(0, 24).SelectMany(h => Files($"user/spot/proxy/hive/y=2016/m=07/d=08/h={h:00}")))
            .ToList();
        Assert.Equal(27, expected.Count);
        var progressions = ProgressionFiles(_first);
        Assert.Equal(3, progressions.Count);
        foreach (var file in progressions)
        {
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(file));
            var source = json.RootElement.GetProperty("provenance").GetProperty("source");
            Assert.Equal("tables", source.GetProperty("kind").GetString());
            Assert.Equal(expected, source.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("path").GetString()!, f.GetProperty("bytes").GetInt64())));
            Assert.Equal(json.RootElement.GetProperty("counts").GetProperty("rows").GetInt32(), source.GetProperty("rows").GetInt32());
        }
    }

    [Fact]
    public async Task Investigate_SampleDay_ProvenanceSaysWhereEachStoryCameFromAndWhatMadeIt()
    {
        var outcomes = await ReportDays.InvestigateSampleDayAsync(_first);

        foreach (var outcome in outcomes.Where(o => o.Status == ThreatStatus.Written))
        {
            var path = Path.Join(_first.Root, _first.Layout.IncidentProgressionPath(SpotFolder.Day, outcome.Uri));
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
            var provenance = json.RootElement.GetProperty("provenance");
            Assert.Equal(IncidentProgression.OriginName(outcome.Origin!.Value), provenance.GetProperty("story").GetString());
            Assert.Equal(WorkerVersion.Current, provenance.GetProperty("worker").GetString());
            Assert.StartsWith("1.0.0", WorkerVersion.Current, StringComparison.Ordinal);
            var settings = provenance.GetProperty("settings");
            Assert.Equal([1], settings.GetProperty("severities").EnumerateArray().Select(s => s.GetInt32()));
            Assert.Equal(20, settings.GetProperty("top_results").GetInt32());
            Assert.Equal(300, settings.GetProperty("timeline_gap_seconds").GetInt32());
            Assert.Equal(new OutputSettings([1], 20, 300).Sha256, settings.GetProperty("sha256").GetString());
            var timeline = provenance.GetProperty("timeline");
            Assert.Equal(outcome.Clients, timeline.GetProperty("clients").GetInt32());
            Assert.Equal(Math.Min(20, outcome.Clients), timeline.GetProperty("top").GetInt32());
            Assert.Equal(outcome.Clients > 20, timeline.GetProperty("capped").GetBoolean());
        }
    }

    [Fact]
    public async Task Investigate_SampleDayTwice_WritesByteIdenticalJson()
    {
        await ReportDays.InvestigateSampleDayAsync(_first);
        await ReportDays.InvestigateSampleDayAsync(_second);
        await ReportDays.InvestigateSampleDayAsync(_second);

        var first = ProgressionFiles(_first);
        var second = ProgressionFiles(_second);
        Assert.Equal(first.Select(Path.GetFileName), second.Select(Path.GetFileName));
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(await File.ReadAllBytesAsync(first[i]), await File.ReadAllBytesAsync(second[i]));
        }
    }

    [Fact]
    public async Task Investigate_SampleDay_GeneratedSummarySaysTheTimelineShowsTheTopOfAllClients()
    {
        var outcomes = await ReportDays.InvestigateSampleDayAsync(_first);

        var generated = Assert.Single(outcomes, o => o.Origin == StoryOrigin.Generated);
        Assert.Equal(36, generated.Clients);
        var storyboard = await _first.ReadAsync(_first.Storyboard(), SpotTables.Storyboard);
        var text = (string)storyboard.Single(r => (string?)r[0] == generated.Uri)[2]!;
        Assert.EndsWith("; it shows the top 20 of 36 clients.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_GraphQLEndpointWithUserInformation_NamesOnlyItsHostAndPort()
    {
        var options = new SourceOptions { Kind = SourceKind.GraphQL };
        options.GraphQL.Endpoint = new Uri("https://spot:s3cret-pass@spot-ui.example.org:8889/graphql?token=x");
        var recorder = new SourceReadRecorder(Options.Create(options), new SpotLayout("/user/spot"));

        var read = await recorder.RecordAsync(SpotFolder.Day, CancellationToken.None);

        Assert.Equal(new SourceRead(SourceKind.GraphQL, [], "spot-ui.example.org:8889"), read with { Files = [] });
        Assert.Empty(read.Files);
    }

    [Fact]
    public async Task Record_TablesWithoutTheDatesPartitions_ReadsNoFile()
    {
        var read = await _first.Reads.RecordAsync(SpotFolder.Day, CancellationToken.None);

        Assert.Equal(SourceKind.Tables, read.Kind);
        Assert.Empty(read.Files);
    }

    [Fact]
    public void Sha256_SameSettingsInAnotherOrder_IsTheSame()
    {
        Assert.Equal(new OutputSettings([1, 2], 20, 300).Sha256, new OutputSettings([2, 1], 20, 300).Sha256);
        Assert.NotEqual(new OutputSettings([1], 20, 300).Sha256, new OutputSettings([1], 21, 300).Sha256);
        Assert.NotEqual(new OutputSettings([1], 20, 300).Sha256, new OutputSettings([1], 20, 0).Sha256);
    }

    private static IEnumerable<(string Path, long Bytes)> Files(string folder) =>
        new DirectoryInfo(Path.Join(SampleTables, folder)).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.') && !f.Name.StartsWith('_'))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => ("/" + folder + "/" + f.Name, f.Length));

    private static List<string> ProgressionFiles(SpotFolder output) =>
        Directory.EnumerateFiles(Path.Join(output.Root, output.Layout.IncidentProgressionDirectory(SpotFolder.Day)), "*.json")
            .Order(StringComparer.Ordinal)
            .ToList();
}
