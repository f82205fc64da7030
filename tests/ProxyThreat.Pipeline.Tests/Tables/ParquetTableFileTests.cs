using Parquet;
using Parquet.Meta;
using Parquet.Schema;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.Tests.Tables;

public sealed class ParquetTableFileTests
{
    private const string Path = "/user/spot/proxy/hive/oa/timeline/y=2016/m=7/d=8/part-0.parquet";

    private static async Task<byte[]> Write(TableSchema schema, IReadOnlyList<object?[]> rows)
    {
        using var stream = new MemoryStream();
        await ParquetTableFile.WriteAsync(stream, schema, rows, CancellationToken.None);
        return stream.ToArray();
    }

    private static Task<TableContent> Read(byte[] bytes, TableSchema schema) =>
        ParquetTableFile.ReadAsync(new MemoryStream(bytes), schema, Path, CancellationToken.None);

    private static async Task<List<SchemaElement>> SchemaOf(byte[] bytes)
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes));
        return reader.Metadata!.Schema;
    }

    /// <summary>Writes a file as another tool might: Parquet.Net directly, with the fields and columns given.</summary>
    private static async Task<byte[]> WriteForeign(params ForeignColumn[] columns)
    {
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => c.Field).ToArray()), stream))
        {
            using var group = writer.CreateRowGroup();
            foreach (var column in columns)
            {
                await column.Write(group);
            }
        }

        return stream.ToArray();
    }

    private sealed record ForeignColumn(DataField Field, Func<ParquetRowGroupWriter, Task> Write);

    private static ForeignColumn Strings(string name, params string?[] values)
    {
        var field = new DataField<string>(name, true);
        return new(field, g => g.WriteAsync(field, values!));
    }

    private static ForeignColumn Ints(string name, params int[] values)
    {
        var field = new DataField<int>(name);
        return new(field, g => g.WriteAsync<int>(field, values.AsMemory()));
    }

    private static ForeignColumn NullableInts(string name, params int?[] values)
    {
        var field = new DataField<int?>(name);
        return new(field, g => g.WriteAsync<int>(field, values.AsMemory()));
    }

    private static readonly object?[][] TimelineRows =
    [
        ["http://exämple.com/p\"q", "2016-07-08 12:00:00", "2016-07-08 12:05:00", 3000000000L, "10.0.0.1", "200", "OK"],
        ["u", "", null, null, null, null, "Unknown"],
        [null, "日本", "x", 0L, "10.0.0.2", "999", ""],
    ];

    [Fact]
    public async Task WriteAsync_ThenReadAsync_TimelineRoundTripsWithNulls()
    {
        var content = await Read(await Write(SpotTables.Timeline, TimelineRows), SpotTables.Timeline);

        Assert.True(content.MatchesSchema);
        Assert.Equal(TimelineRows, content.Rows);
        Assert.IsType<long>(content.Rows[0][3]);
    }

    [Fact]
    public async Task WriteAsync_ThenReadAsync_StoryboardRoundTripsWithNulls()
    {
        object?[][] rows = [["http://a.com/", "Title ü", "Line1\nLine2, \"quoted\""], ["http://b.com/", null, ""], ["http://c.com/", "", null]];

        var content = await Read(await Write(SpotTables.Storyboard, rows), SpotTables.Storyboard);

        Assert.True(content.MatchesSchema);
        Assert.Equal(rows, content.Rows);
    }

    [Fact]
    public async Task WriteAsync_ThenReadAsync_IntColumnsRoundTripAsInt()
    {
        object?[][] rows = [["2016-07-08", "u", 1], ["2016-07-08", "v", null], [null, "w", int.MinValue]];

        var content = await Read(await Write(SpotTables.ThreatInvestigation, rows), SpotTables.ThreatInvestigation);

        Assert.True(content.MatchesSchema);
        Assert.Equal(rows, content.Rows);
        Assert.IsType<int>(content.Rows[0][2]);
    }

    [Fact]
    public async Task WriteAsync_NoRows_ReadsBackEmpty()
    {
        var content = await Read(await Write(SpotTables.Storyboard, []), SpotTables.Storyboard);

        Assert.True(content.MatchesSchema);
        Assert.Empty(content.Rows);
    }

    [Fact]
    public async Task WriteAsync_Timeline_SchemaIsWhatImpalaNeeds()
    {
        var elements = await SchemaOf(await Write(SpotTables.Timeline, TimelineRows));

        Assert.Equal(
            ["p_threat", "tstart", "tend", "duration", "clientip", "respcode", "respcodename"],
            elements.Skip(1).Select(e => e.Name));
        foreach (var element in elements.Skip(1))
        {
            if (element.Name == "duration")
            {
                AssertOptional(element, Parquet.Meta.Type.INT64);
            }
            else
            {
                AssertOptionalUtf8(element);
            }
        }
    }

    [Fact]
    public async Task WriteAsync_Storyboard_EveryColumnOptionalUtf8ByteArray()
    {
        var elements = await SchemaOf(await Write(SpotTables.Storyboard, [["u", null, "x"]]));

        Assert.Equal(["p_threat", "title", "text"], elements.Skip(1).Select(e => e.Name));
        Assert.All(elements.Skip(1), AssertOptionalUtf8);
    }

    [Fact]
    public async Task WriteAsync_Proxy_IntColumnsOptionalInt32AndStringsOptionalUtf8()
    {
        var row = new object?[SpotTables.Proxy.Columns.Count];
        row[SpotTables.Proxy.IndexOf("duration")] = 12;
        row[SpotTables.Proxy.IndexOf("fulluri")] = "http://a.com/";

        var bytes = await Write(SpotTables.Proxy, [row]);
        var elements = await SchemaOf(bytes);

        Assert.Equal(SpotTables.Proxy.Columns.Select(c => c.Name), elements.Skip(1).Select(e => e.Name));
        foreach (var element in elements.Skip(1))
        {
            if (element.Name is "duration" or "scbytes" or "csbytes")
            {
                AssertOptional(element, Parquet.Meta.Type.INT32);
            }
            else
            {
                AssertOptionalUtf8(element);
            }
        }

        var content = await Read(bytes, SpotTables.Proxy);
        Assert.True(content.MatchesSchema);
        Assert.Equal(row, Assert.Single(content.Rows));
    }

    [Fact]
    public async Task WriteAsync_RowsReadFromCsv_WritesIntColumns()
    {
        // Regression for the CSV reader's boxed-long int columns: they must convert to Parquet without a cast failure.
        using var csv = new MemoryStream("tdate,fulluri,uri_sev\n2016-07-08,u,1\n"u8.ToArray());
        var fromCsv = await CsvTableFile.ReadAsync(csv, SpotTables.ThreatInvestigation, "t.csv", CancellationToken.None);

        var content = await Read(await Write(SpotTables.ThreatInvestigation, fromCsv.Rows), SpotTables.ThreatInvestigation);

        Assert.Equal([["2016-07-08", "u", 1]], content.Rows);
    }

    // Regression: Parquet.Net 6 reports a file's UTF8 columns as ReadOnlyMemory<char>, and every string column was rejected.
    [Fact]
    public async Task ReadAsync_StringColumnsReportedAsReadOnlyMemoryBug_ReadsStringsAndMatches()
    {
        var bytes = await WriteForeign(Strings("p_threat", "u"), Strings("title", "t"), Strings("text", (string?)null));

        var content = await Read(bytes, SpotTables.Storyboard);

        Assert.True(content.MatchesSchema);
        Assert.Equal([["u", "t", null]], content.Rows);
        Assert.IsType<string>(content.Rows[0][0]);
    }

    [Fact]
    public async Task ReadAsync_ForeignFileWithOtherOrderAndExtraColumn_ReadsByNameAndDoesNotMatch()
    {
        var bytes = await WriteForeign(
            Strings("text", "x1", null),
            Ints("extra", 7, 8),
            Strings("P_THREAT", "u1", "u2"),
            Strings("title", null, "t2"));

        var content = await Read(bytes, SpotTables.Storyboard);

        Assert.False(content.MatchesSchema);
        Assert.Equal([["u1", null, "x1"], ["u2", "t2", null]], content.Rows);
    }

    [Fact]
    public async Task ReadAsync_ForeignFileWithOtherOrderOnly_ReadsByNameAndMatches()
    {
        var bytes = await WriteForeign(
            Strings("title", "t"),
            Strings("text", "x"),
            Strings("p_threat", "u"));

        var content = await Read(bytes, SpotTables.Storyboard);

        Assert.True(content.MatchesSchema);
        Assert.Equal([["u", "t", "x"]], content.Rows);
    }

    [Fact]
    public async Task ReadAsync_ForeignFileMissingColumn_NullAndDoesNotMatch()
    {
        var bytes = await WriteForeign(
            Strings("p_threat", "u"),
            Strings("text", "x"));

        var content = await Read(bytes, SpotTables.Storyboard);

        Assert.False(content.MatchesSchema);
        Assert.Equal([["u", null, "x"]], content.Rows);
    }

    [Fact]
    public async Task ReadAsync_ForeignFileWithInt32BigIntColumn_ReadsAsLongAndDoesNotMatch()
    {
        var bytes = await WriteForeign(
            Strings("p_threat", "u"),
            Strings("tstart", "a"),
            Strings("tend", "b"),
            NullableInts("duration", 42),
            Strings("clientip", "c"),
            Strings("respcode", "200"),
            Strings("respcodename", "OK"));

        var content = await Read(bytes, SpotTables.Timeline);

        Assert.False(content.MatchesSchema);
        var row = Assert.Single(content.Rows);
        Assert.Equal(42L, Assert.IsType<long>(row[3]));
    }

    [Fact]
    public async Task ReadAsync_ForeignFileWithIntAsString_ParsesNumber()
    {
        var bytes = await WriteForeign(
            Strings("tdate", "2016-07-08", "2016-07-08"),
            Strings("fulluri", "u", "v"),
            Strings("uri_sev", "3", null));

        var content = await Read(bytes, SpotTables.ThreatInvestigation);

        Assert.False(content.MatchesSchema);
        Assert.Equal([["2016-07-08", "u", 3], ["2016-07-08", "v", null]], content.Rows);
    }

    [Fact]
    public async Task ReadAsync_ForeignFileWithNonNumericStringInIntColumn_ThrowsTableFormatException()
    {
        var bytes = await WriteForeign(
            Strings("tdate", "2016-07-08"),
            Strings("fulluri", "u"),
            Strings("uri_sev", "high"));

        var ex = await Assert.ThrowsAsync<TableFormatException>(() => Read(bytes, SpotTables.ThreatInvestigation));

        Assert.Equal(Path, ex.Path);
    }

    [Fact]
    public async Task ReadAsync_SeveralRowGroups_ReadsAllRowsInOrder()
    {
        using var stream = new MemoryStream();
        DataField[] fields = [new DataField<string>("p_threat", true), new DataField<string>("title", true), new DataField<string>("text", true)];
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream))
        {
            foreach (var u in (string[])["u1", "u2"])
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(fields[0], (string?[])[u]!);
                await group.WriteAsync(fields[1], (string?[])["t" + u]!);
                await group.WriteAsync(fields[2], (string?[])[null]!);
            }
        }

        var content = await Read(stream.ToArray(), SpotTables.Storyboard);

        Assert.Equal([["u1", "tu1", null], ["u2", "tu2", null]], content.Rows);
    }

    [Fact]
    public async Task ReadAsync_NotParquet_ThrowsTableFormatExceptionNamingPath()
    {
        var ex = await Assert.ThrowsAsync<TableFormatException>(() => Read("p_threat,title,text\nu,t,x\n"u8.ToArray(), SpotTables.Storyboard));

        Assert.Equal(Path, ex.Path);
        Assert.StartsWith(Path + ": not a readable Parquet file for table proxy_storyboard", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_EmptyStream_ThrowsTableFormatException()
    {
        var ex = await Assert.ThrowsAsync<TableFormatException>(() => Read([], SpotTables.Storyboard));

        Assert.Equal(Path, ex.Path);
    }

    [Fact]
    public async Task ReadAsync_TruncatedFile_ThrowsTableFormatException()
    {
        var bytes = await Write(SpotTables.Timeline, TimelineRows);

        var ex = await Assert.ThrowsAsync<TableFormatException>(() => Read(bytes[..(bytes.Length / 2)], SpotTables.Timeline));

        Assert.Equal(Path, ex.Path);
    }

    private static void AssertOptional(SchemaElement element, Parquet.Meta.Type type)
    {
        Assert.Equal(type, element.Type);
        Assert.Equal(FieldRepetitionType.OPTIONAL, element.RepetitionType);
    }

    private static void AssertOptionalUtf8(SchemaElement element)
    {
        AssertOptional(element, Parquet.Meta.Type.BYTE_ARRAY);
        Assert.Equal(ConvertedType.UTF8, element.ConvertedType);
        Assert.NotNull(element.LogicalType?.STRING);
    }
}
