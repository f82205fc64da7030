using System.Globalization;
using ProxyThreat.Pipeline.Sources.Tables;
using ProxyThreat.Pipeline.Tables;
using ProxyThreat.Pipeline.Tests.Support;

namespace ProxyThreat.Pipeline.Tests.Sources;

/// <summary>Raw proxy files as other engines write them (DuckDB here): every one finds what the CSV stand-in of the same rows finds.</summary>
public sealed class TablesSourceParquetTests : IDisposable
{
    private const string U = "http://bad.example/payload.exe?id=7";
    private const string V = "http://other.example/\"quoted\"%20ünï";
    private readonly SpotFolder _spot = new();

    public void Dispose() => _spot.Dispose();

    public static TheoryData<string> Codecs => new()
    {
        "COMPRESSION snappy",
        "COMPRESSION zstd",
        "COMPRESSION gzip",
        "COMPRESSION uncompressed, ROW_GROUP_SIZE 50",
        "COMPRESSION zstd, ROW_GROUP_SIZE 7",
    };

    [Theory]
    [MemberData(nameof(Codecs))]
    public async Task Search_DuckDbFile_FindsWhatTheCsvStandInFinds(string options)
    {
        var rows = Day();
        var path = WriteDuckDb("000000_0", rows, options);

        var fromDuckDb = await Search([U, V]);

        Assert.True(DuckDbWriter.Encodings(path, "fulluri").Count > (options.Contains("ROW_GROUP_SIZE", StringComparison.Ordinal) ? 1 : 0));
        Assert.Equal(await FromCsvAsync(rows), fromDuckDb);
        Assert.NotEmpty(fromDuckDb[U]);
        Assert.NotEmpty(fromDuckDb[V]);
    }

    [Fact]
    public async Task Search_DictionaryAndPlainPages_BothMatch()
    {
        // A row group of distinct URIs makes DuckDB write plain pages; one of few distinct URIs, a dictionary.
        var unique = Enumerable.Range(0, 2048).Select(i => new RawRow("05:00:00", "10.1.0.1", $"http://unique.example/{i}", Referer: i % 400 == 0 ? U : null).ToRow());
        var rows = unique.Concat(Day()).ToList();
        var path = WriteDuckDb("000000_0", rows, "COMPRESSION snappy, ROW_GROUP_SIZE 2048");

        var found = await Search([U, V]);

        var encodings = DuckDbWriter.Encodings(path, "fulluri");
        Assert.Contains(encodings, e => e.Contains("DICTIONARY", StringComparison.Ordinal));
        Assert.Contains(encodings, e => !e.Contains("DICTIONARY", StringComparison.Ordinal));
        Assert.Equal(await FromCsvAsync(rows), found);
        Assert.Equal(6, found[U].Count(r => r.FullUri!.StartsWith("http://unique.example/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Search_ByteArraysWithoutUtf8Annotation_MatchOnTheirBytes()
    {
        var rows = Day();
        WriteDuckDb("000000_0", rows, "COMPRESSION snappy",
            "* REPLACE (encode(fulluri) AS fulluri, encode(referer) AS referer, encode(clientip) AS clientip)");

        Assert.Equal(await FromCsvAsync(rows), await Search([U, V]));
    }

    [Fact]
    public async Task Search_IntegersWhereSpotHasStringsAndBigIntDurations_ReadAsSpotTypesThem()
    {
        var rows = Day();
        WriteDuckDb("000000_0", rows, "COMPRESSION snappy",
            "* REPLACE (CAST(respcode AS INTEGER) AS respcode, CAST(duration AS BIGINT) AS duration)");

        var found = await Search([U]);

        Assert.Equal((await FromCsvAsync(rows))[U], found[U]);
        Assert.Contains(found[U], r => r.ResponseCode == "404" && r.Duration == 250);
    }

    [Fact]
    public async Task Search_FewHitsFarApartInOneRowGroup_FindsEachWithItsOwnColumns()
    {
        // Pages of rows with no hit between the hits are passed over, not read: each hit must still get its own values.
        var rows = Enumerable.Range(0, 30_000).Select(i => new RawRow(
            $"{i / 3600 % 24:00}:{i / 60 % 60:00}:{i % 60:00}",
            $"10.2.{i / 250 % 250}.{i % 250}",
            i is 7 or 12_345 or 29_999 ? U : $"http://page.example/{i}",
            i == 20_000 ? U : $"http://from.example/{i % 97}",
            RespCode: (200 + (i % 5)).ToString(CultureInfo.InvariantCulture),
            Duration: i % 11 == 0 ? null : i,
            Date: i == 12_345 ? "2016-07-09" : "2016-07-08").ToRow()).ToList();
        WriteDuckDb("000000_0", rows, "COMPRESSION snappy, ROW_GROUP_SIZE 30000");

        var found = await Search([U]);

        Assert.Equal((await FromCsvAsync(rows))[U], found[U]);
        Assert.Equal("10.2.0.7 10.2.119.249 10.2.49.95 10.2.80.0", string.Join(' ', found[U].Select(r => r.ClientIp).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Search_UnsignedAndNarrowIntegers_ReadAsTheirNumbers()
    {
        var rows = Day();
        WriteDuckDb("000000_0", rows, "COMPRESSION zstd",
            "* REPLACE (CAST(respcode AS USMALLINT) AS respcode, CAST(duration AS UINTEGER) AS duration, CAST(clientip IS NULL AS TINYINT) AS useragent)");

        var found = await Search([U]);

        Assert.Equal((await FromCsvAsync(rows))[U], found[U]);
    }

    [Fact]
    public async Task Search_ColumnNeitherTextNorInteger_FailsNamingFileAndColumn()
    {
        var path = WriteDuckDb("000000_0", Day(), "COMPRESSION snappy", "* REPLACE (CAST(duration AS DOUBLE) AS duration)");

        var ex = await Assert.ThrowsAsync<TableFormatException>(() => Search([U]));

        Assert.StartsWith($"{path}: not a readable Parquet file for table proxy: column duration is Double", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FileWithoutColumnsItReads_FailsNamingFileAndColumns()
    {
        var path = WriteDuckDb("000000_0", Day(), "COMPRESSION snappy", "* EXCLUDE (referer, duration)");

        var ex = await Assert.ThrowsAsync<TableFormatException>(() => Search([U]));

        Assert.StartsWith($"{path}: not a readable Parquet file for table proxy: it lacks referer, duration (it has p_date, ", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Requests to U and V and from them, others, nulls, ties and fractions of a second, out of time order.</summary>
    private static List<object?[]> Day()
    {
        var random = new Random(7);
        string?[] clients = ["10.0.0.1", "10.0.0.2", "10.0.0.10", null];
        string?[] codes = ["200", "404", null];
        var rows = new List<object?[]>();
        for (var i = 0; i < 5000; i++)
        {
            var (fulluri, referer) = (i % 5) switch
            {
                0 => (U, (string?)null),
                1 => ("http://next.example/" + (i % 3), U),
                2 => (V, U),
                3 => ("http://unrelated.example/" + (i % 50), "http://news.example/"),
                _ => (U, V),
            };
            var time = $"{random.Next(24):00}:{random.Next(60):00}:{random.Next(3):00}{(i % 17 == 0 ? ".5" : string.Empty)}";
            rows.Add(new RawRow(i % 31 == 0 ? "bad" : time, clients[i % clients.Length], fulluri, referer, RespCode: codes[i % codes.Length], Duration: i % 9 == 0 ? null : 250).ToRow());
        }

        return rows;
    }

    private string WriteDuckDb(string name, IReadOnlyList<object?[]> rows, string options, string select = "*")
    {
        var folder = Path.Join(_spot.Root, _spot.RawHour(4).TrimStart('/'));
        Directory.CreateDirectory(folder);
        var path = Path.Join(folder, name);
        DuckDbWriter.Write(path, SpotTables.Proxy, rows, options, select);
        return path;
    }

    private static async Task<Dictionary<string, List<FoundRequest>>> FromCsvAsync(IReadOnlyList<object?[]> rows)
    {
        using var csv = new SpotFolder();
        await csv.WriteAsync(csv.RawHour(4), "hand-made.csv", SpotTables.Proxy, rows);
        return (await Searched.AllAsync(new TablesSource(csv.Hdfs, csv.Layout).SearchAsync(SpotFolder.Day, [U, V], CancellationToken.None)))
            .ToDictionary(s => s.Uri, s => s.Found);
    }

    private async Task<Dictionary<string, List<FoundRequest>>> Search(IReadOnlyCollection<string> uris)
    {
        var found = await Searched.AllAsync(new TablesSource(_spot.Hdfs, _spot.Layout).SearchAsync(SpotFolder.Day, uris, CancellationToken.None));
        Assert.All(found, s => Assert.Null(s.Error));
        return found.ToDictionary(s => s.Uri, s => s.Found);
    }
}
