using System.Globalization;
using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Sources.Tables;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Tables;
using ProxyThreat.Pipeline.Tests.Support;
using ProxyThreat.SampleData;

namespace ProxyThreat.Pipeline.Tests;

/// <summary>
/// Pins the committed sample (<c>samples/</c>) to its generator, and the generator's promises about the data.
/// </summary>
public sealed class SampleDataTests : IDisposable
{
    private static readonly string CommittedSample = Repository.Path("samples");

    private readonly string _scratch = Path.Join(Path.GetTempPath(), "proxythreat-sample-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Fact]
    public async Task GenerateAsync_TwoRuns_WriteByteIdenticalFiles()
    {
        var first = Path.Join(_scratch, "first");
        var second = Path.Join(_scratch, "second");

        await SampleGenerator.GenerateAsync(first, CancellationToken.None);
        await SampleGenerator.GenerateAsync(second, CancellationToken.None);

        AssertSameFiles(first, second);
    }

    [Fact]
    public async Task GenerateAsync_IntoCommittedSampleLayout_ReproducesCommittedSample()
    {
        var fresh = Path.Join(_scratch, "fresh");

        await SampleGenerator.GenerateAsync(fresh, CancellationToken.None);

        AssertSameFiles(fresh, CommittedSample);
    }

    [Fact]
    public async Task GenerateAsync_OverAnEarlierSample_ReplacesItsHdfsFolder()
    {
        var stale = Path.Join(_scratch, "stale", "hdfs", "user", "spot", "proxy", "hive", "oa", "timeline", "y=2016", "m=7", "d=8", "000000_0");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        await File.WriteAllTextAsync(stale, "left over");

        await SampleGenerator.GenerateAsync(Path.Join(_scratch, "stale"), CancellationToken.None);

        Assert.False(File.Exists(stale));
    }

    [Fact]
    public async Task CommittedSample_ProxyTable_HoldsOneDayInTwentyFourHourPartitions()
    {
        var hdfs = new LocalHdfs(Path.Join(CommittedSample, "hdfs"));
        var layout = new SpotLayout(SampleGenerator.SpotHome);
        var day = await PartitionFinder.FindDayAsync(hdfs, layout.ProxyTable, SampleThreats.Date, CancellationToken.None);
        var hours = await PartitionFinder.FindHoursAsync(hdfs, day, CancellationToken.None);
        var files = await PartitionFinder.FilesAsync(hdfs, hours, CancellationToken.None);

        var rows = new List<object?[]>();
        foreach (var file in files)
        {
            await using var stream = await hdfs.OpenAsync(file.Path, CancellationToken.None);
            var content = await TableFile.ReadAsync(stream, SpotTables.Proxy, file.Path, CancellationToken.None);
            Assert.True(content.MatchesSchema, file.Path);
            rows.AddRange(content.Rows);
        }

        Assert.Equal(
            Enumerable.Range(0, 24).Select(h => string.Create(CultureInfo.InvariantCulture, $"h={h:D2}")),
            hours.Select(HdfsPath.Name));
        Assert.Contains(files, f => f.Name == "000000_0_copy_1");
        Assert.InRange(rows.Count, 19_000, 21_000);
        Assert.All(rows, r => Assert.Equal("2016-07-08", r[0]));
        Assert.All(rows, r => Assert.Matches("^[0-2][0-9]:[0-5][0-9]:[0-5][0-9]$", (string)r[1]!));
        var perHour = rows.GroupBy(r => ((string)r[1]!)[..2], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.True(perHour["10"] > 5 * perHour["03"], "office hours are busier than the night");
    }

    [Fact]
    public async Task CommittedSample_Scores_HoldFourHighThreatsAndOneMedium()
    {
        var threats = await Source().GetScoredThreatsAsync(SampleThreats.Date, CancellationToken.None);

        Assert.True(threats.Count(t => t.Severity == 1) >= 4);
        Assert.Single(threats, t => t.Severity == 2);
        Assert.Contains(threats, t => t.Uri == SampleThreats.PhishingDownload && t.Severity == 1);
        Assert.Equal(threats.Count, threats.Select(t => t.Uri).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task CommittedSample_PhishingDownload_KeepsQuoteEncodedSpaceAndNonAsciiVerbatim()
    {
        var uri = SampleThreats.PhishingDownload;
        var search = await SearchAsync(uri);

        Assert.Contains("\"", uri, StringComparison.Ordinal);
        Assert.Contains("%20", uri, StringComparison.Ordinal);
        Assert.Contains(uri, c => c > 127);
        Assert.Contains(search.Found, r => r.FullUri == uri);
    }

    [Fact]
    public async Task CommittedSample_MalvertisingGate_HasReferrerChainSessionsTiesAndGaps()
    {
        var uri = SampleThreats.MalvertisingGate;
        var requests = (await SearchAsync(uri)).Found;
        var hits = requests.Where(r => r.FullUri == uri).ToList();
        var onward = requests.Where(r => r.FullUri != uri).ToList();

        Assert.True(hits.Select(r => r.Referer).OfType<string>().Where(r => r != uri).Distinct().Count() >= 3, "several pages link to it");
        Assert.True(onward.Select(r => r.FullUri).Distinct().Count() >= 3, "it sends users on to several pages");
        Assert.Contains(onward, r => r.FullUri == SampleThreats.PhishingDownload);
        Assert.Contains(hits, r => r.Referer == uri);
        Assert.Contains(requests, r => r.ClientIp is null);
        Assert.Contains(hits, r => r.ResponseCode is null);
        Assert.True(hits.Select(r => r.ResponseCode).OfType<string>().Distinct().Count() >= 4, "several response codes");
        Assert.InRange(requests.Select(r => r.ClientIp).OfType<string>().Distinct().Count(), 25, 60);

        var top = requests.Where(r => r.ClientIp is not null).GroupBy(r => r.ClientIp!).Select(g => (Ip: g.Key, Count: g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Ip, StringComparer.Ordinal).Take(3).ToList();
        Assert.Equal(top[0].Count, top[1].Count);
        Assert.True(top[1].Count > top[2].Count);

        // The leader's requests fall in several sessions: gaps of more than five minutes between some.
        var leaderTimes = hits.Where(r => r.ClientIp == top[0].Ip).Select(r => r.Time!.Value).ToList();
        var gaps = leaderTimes.Zip(leaderTimes.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        Assert.True(gaps.Count(g => g > 300) >= 2);
        Assert.Contains(gaps, g => g == 300);
    }

    [Fact]
    public async Task CommittedSample_Storyboard_HoldsTheBeaconEntryAndNoTimeline()
    {
        var entries = await Source().GetStoryboardEntriesAsync(SampleThreats.Date, CancellationToken.None);

        var entry = Assert.Single(entries);
        Assert.Equal(SampleThreats.BotnetBeacon, entry.Uri);
        Assert.False(string.IsNullOrWhiteSpace(entry.Title));
        Assert.False(Directory.Exists(Path.Join(CommittedSample, "hdfs", "user", "spot", "proxy", "hive", "oa", "timeline")));
    }

    [Fact]
    public async Task CommittedSample_Decisions_InvestigateOneThreatAndDismissAnother()
    {
        var path = Path.Join(CommittedSample, "decisions.jsonl");

        var book = await DecisionFile.LoadAsync(path, CancellationToken.None);

        Assert.Equal(2, (await File.ReadAllLinesAsync(path)).Length);
        Assert.Equal(2, book.Count);
        var investigate = book.Find(SampleThreats.Date, SampleThreats.PhishingDownload);
        Assert.Equal(DecisionAction.Investigate, investigate?.Action);
        Assert.False(string.IsNullOrEmpty(investigate?.Title));
        Assert.False(string.IsNullOrEmpty(investigate?.Text));
        Assert.Equal(DecisionAction.Dismiss, book.Find(SampleThreats.Date, SampleThreats.CredentialPhish)?.Action);
    }

    private static TablesSource Source() =>
        new(new LocalHdfs(Path.Join(CommittedSample, "hdfs")), new SpotLayout(SampleGenerator.SpotHome));

    private static async Task<Searched> SearchAsync(string uri)
    {
        var search = Assert.Single(await Searched.AllAsync(Source().SearchAsync(SampleThreats.Date, [uri], CancellationToken.None)));
        Assert.Null(search.Error);
        return search;
    }

    /// <summary>Same generated files (the hdfs tree and decisions.jsonl), byte for byte.</summary>
    private static void AssertSameFiles(string expectedFolder, string actualFolder)
    {
        var expected = GeneratedFiles(expectedFolder);
        var actual = GeneratedFiles(actualFolder);

        Assert.Equal(expected, actual);
        Assert.NotEmpty(expected);
        foreach (var file in expected)
        {
            Assert.True(
                File.ReadAllBytes(Path.Join(expectedFolder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Join(actualFolder, file))),
                $"{file} differs; regenerate with: dotnet run --project tools/ProxyThreat.SampleData -- --out samples");
        }
    }

    private static List<string> GeneratedFiles(string folder) =>
        Directory.EnumerateFiles(Path.Join(folder, "hdfs"), "*", SearchOption.AllDirectories)
            .Append(Path.Join(folder, "decisions.jsonl"))
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
