using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Sources.Tables;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Tables;
using ProxyThreat.Pipeline.Tests.Support;

namespace ProxyThreat.Pipeline.Tests.Sources;

public sealed class TablesSourceTests : IDisposable
{
    private const string U = "http://bad.example/payload.exe";
    private const string V = "http://other.example/\"quoted\"%20ünï";
    private readonly SpotFolder _spot = new();

    public void Dispose() => _spot.Dispose();

    [Fact]
    public async Task Search_PaddedUnpaddedCsvAndParquetPartitions_ReadsEveryFileInTimeOrder()
    {
        await _spot.WriteRawAsync(9, "000000_0", new RawRow("09:00:05", "10.0.0.1", U));
        await _spot.WriteRawAsync(9, "000000_0_copy_1", new RawRow("09:00:01", "10.0.0.2", U));
        await _spot.WriteAsync(_spot.RawHour(2, padded: false), "hand-made.csv", SpotTables.Proxy, new RawRow("02:30:00", "10.0.0.3", "http://x/", Referer: U).ToRow());
        await _spot.WriteRawAsync(10, "000000_0", new RawRow("10:00:00", "10.0.0.4", "http://unrelated/"));

        var results = await Search([U]);

        var rows = Assert.Single(results).Found;
        Assert.Equal(["10.0.0.3", "10.0.0.2", "10.0.0.1"], rows.Select(r => r.ClientIp));
        Assert.Equal(new DateTime(2016, 7, 8, 2, 30, 0), rows[0].Time);
    }

    [Fact]
    public async Task Search_RowMatchesTwoUris_AppearsInBothSearches()
    {
        await _spot.WriteRawAsync(1, "a", new RawRow("01:00:00", "10.0.0.1", V, Referer: U), new RawRow("01:00:01", "10.0.0.1", U, Referer: U));

        var results = (await Search([U, V])).ToDictionary(r => r.Uri);

        Assert.Equal(2, results[U].Found.Count);
        Assert.Equal(V, Assert.Single(results[V].Found).FullUri);
    }

    [Fact]
    public async Task Search_ManyUris_OpensEachRawFileOnce()
    {
        for (var h = 0; h < 3; h++)
        {
            await _spot.WriteRawAsync(h, "000000_0", new RawRow($"{h:00}:00:00", "10.0.0.1", U), new RawRow($"{h:00}:00:01", "10.0.0.1", V));
        }

        var recording = new RecordingHdfs(_spot.Hdfs);
        var source = new TablesSource(recording, _spot.Layout);
        await Searched.AllAsync(source.SearchAsync(SpotFolder.Day, [U, V, "http://third/"], CancellationToken.None));

        var opens = recording.Calls.Where(c => c.StartsWith("OPEN", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, opens.Count);
        Assert.Equal(3, opens.Distinct().Count());
    }

    [Fact]
    public async Task Search_HiddenAndInProgressFiles_AreSkipped()
    {
        await _spot.WriteRawAsync(1, "000000_0", new RawRow("01:00:00", "10.0.0.1", U));
        await _spot.WriteRawAsync(1, ".hidden", new RawRow("01:00:00", "10.0.0.9", U));
        await _spot.WriteRawAsync(1, "_SUCCESS", new RawRow("01:00:00", "10.0.0.9", U));
        await _spot.WriteRawAsync(1, "part.tmp", new RawRow("01:00:00", "10.0.0.9", U));

        var rows = Assert.Single(await Search([U])).Found;

        Assert.Equal("10.0.0.1", Assert.Single(rows).ClientIp);
    }

    [Fact]
    public async Task Search_NullFields_StayNull()
    {
        await _spot.WriteRawAsync(1, "000000_0", new RawRow("01:00:00", null, U, Method: null, ContentType: null, RespCode: null, Duration: null));

        var row = Assert.Single(Assert.Single(await Search([U])).Found);

        Assert.Null(row.ClientIp);
        Assert.Null(row.RequestMethod);
        Assert.Null(row.ResponseCode);
        Assert.Equal(0, row.Duration);
    }

    [Fact]
    public async Task Search_NoRawPartitionForTheDate_ReturnsEmptySearchPerUri()
    {
        // The table holds other days only.
        Directory.CreateDirectory(Path.Join(_spot.Root, _spot.Layout.ProxyTable, "y=2016/m=07/d=07/h=10"));

        var result = Assert.Single(await Search([U]));

        Assert.Empty(result.Found);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task Search_NoProxyTableAtAll_FailsNamingWhereItLookedAndTheKeysBug()
    {
        // A root that holds no Spot tables looked like a day without requests.
        var error = await Assert.ThrowsAsync<MissingTableException>(() => Search([U]));

        Assert.Equal(
            $"no Spot table at {Path.Join(_spot.Root, "user/spot/proxy/hive")}: check Source:Tables:Root (the folder standing for HDFS /) and Spot:Root",
            error.Message);
    }

    [Fact]
    public async Task Search_HandMadeCsvWithoutReferer_FailsNamingTheFileAndTheColumnBug()
    {
        var header = SpotTables.Proxy.Columns.Select(c => c.Name).Where(n => n != "referer").ToList();
        var row = header.Select(n => n switch { "p_date" => "2016-07-08", "p_time" => "03:00:00", "fulluri" => U, _ => string.Empty });
        await _spot.Hdfs.CreateAsync($"{_spot.RawHour(3)}/hand.csv", System.Text.Encoding.UTF8.GetBytes(string.Join(',', header) + "\n" + string.Join(',', row) + "\n"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<TableFormatException>(() => Search([U]));

        Assert.EndsWith($"h=03/hand.csv: the CSV header lacks referer of table proxy (it names {string.Join(", ", header)})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetScoredThreats_WrongSpotRoot_FailsNamingWhereItLookedAndTheKeysBug()
    {
        await _spot.WriteScoresAsync((U, 1));

        var error = await Assert.ThrowsAsync<MissingTableException>(
            () => new TablesSource(_spot.Hdfs, new SpotLayout("/user/spott")).GetScoredThreatsAsync(SpotFolder.Day, CancellationToken.None));

        Assert.StartsWith($"no Spot table at {Path.Join(_spot.Root, "user/spott/proxy/hive/oa/threat_investigation")}: check Source:Tables:Root", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetScoredThreats_TableWithoutThatDate_Empty()
    {
        await _spot.WriteScoresAsync((U, 1));

        var threats = await new TablesSource(_spot.Hdfs, _spot.Layout).GetScoredThreatsAsync(SpotFolder.Day.AddDays(1), CancellationToken.None);

        Assert.Empty(threats);
    }

    [Fact]
    public async Task GetScoredThreats_UnpaddedAndPaddedPartitions_ReadsBoth()
    {
        await _spot.WriteScoresAsync((U, 1), (V, 2));
        await _spot.WriteAsync(_spot.Scores(padded: true), "extra.csv", SpotTables.ThreatInvestigation, ["2016-07-08", "http://third/", 1]);

        var threats = await new TablesSource(_spot.Hdfs, _spot.Layout).GetScoredThreatsAsync(SpotFolder.Day, CancellationToken.None);

        Assert.Equal(3, threats.Count);
        Assert.Contains(new ScoredThreat(V, 2), threats);
        Assert.Contains(new ScoredThreat("http://third/", 1), threats);
    }

    [Fact]
    public async Task GetStoryboardEntries_ReadsSavedEntries()
    {
        await _spot.WriteAsync(_spot.Storyboard(), "000000_0", SpotTables.Storyboard, [U, "Saved title", "Saved text"]);

        var entries = await new TablesSource(_spot.Hdfs, _spot.Layout).GetStoryboardEntriesAsync(SpotFolder.Day, CancellationToken.None);

        Assert.Equal(new StoryboardEntry(U, "Saved title", "Saved text"), Assert.Single(entries));
    }

    [Fact]
    public async Task Search_CorruptParquetFile_FailsNamingTheFile()
    {
        await _spot.Hdfs.CreateAsync($"{_spot.RawHour(3)}/000000_0", "not parquet"u8.ToArray(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<TableFormatException>(() => Search([U]));

        Assert.Contains("h=03/000000_0", error.Message, StringComparison.Ordinal);
    }

    private Task<List<Searched>> Search(IReadOnlyCollection<string> uris) =>
        Searched.AllAsync(new TablesSource(_spot.Hdfs, _spot.Layout).SearchAsync(SpotFolder.Day, uris, CancellationToken.None));
}
