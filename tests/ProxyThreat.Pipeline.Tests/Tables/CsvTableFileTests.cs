using System.Text;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.Tests.Tables;

public sealed class CsvTableFileTests
{
    private const string Path = "/user/spot/proxy/hive/oa/timeline/y=2016/m=7/d=8/part-0.csv";

    private static Task<TableContent> Read(string text, TableSchema schema) =>
        CsvTableFile.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), schema, Path, CancellationToken.None);

    private static async Task<string> Write(TableSchema schema, IReadOnlyList<object?[]> rows)
    {
        using var stream = new MemoryStream();
        await CsvTableFile.WriteAsync(stream, schema, rows, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task ReadAsync_QuotedCommaQuoteAndNewline_UnquotesRfc4180()
    {
        var content = await Read(
            "p_threat,title,text\r\n\"http://a.com/?x=1,2\",\"say \"\"hi\"\"\",\"line1\r\nline2\nline3\"\r\n",
            SpotTables.Storyboard);

        var row = Assert.Single(content.Rows);
        Assert.Equal(["http://a.com/?x=1,2", "say \"hi\"", "line1\r\nline2\nline3"], row);
        Assert.True(content.MatchesSchema);
    }

    [Fact]
    public async Task ReadAsync_UnquotedEmptyAndQuotedEmpty_NullAndEmptyString()
    {
        var content = await Read("p_threat,title,text\nu,,\"\"\n", SpotTables.Storyboard);

        Assert.Equal(["u", null, ""], Assert.Single(content.Rows));
    }

    [Fact]
    public async Task ReadAsync_NoTrailingNewline_ReadsLastRow()
    {
        var content = await Read("p_threat,title,text\na,b,c\nd,e,", SpotTables.Storyboard);

        Assert.Equal([["a", "b", "c"], ["d", "e", null]], content.Rows);
    }

    [Fact]
    public async Task ReadAsync_HeaderInOtherCaseAndOrder_MapsByNameAndMatches()
    {
        var content = await Read("TEXT,P_Threat,Title\nthe text,u,the title\n", SpotTables.Storyboard);

        Assert.Equal(["u", "the title", "the text"], Assert.Single(content.Rows));
        Assert.True(content.MatchesSchema);
    }

    [Fact]
    public async Task ReadAsync_ExtraColumn_ReadsByNameAndDoesNotMatch()
    {
        var content = await Read("p_threat,note,title,text\nu,n,t,x\n", SpotTables.Storyboard);

        Assert.Equal(["u", "t", "x"], Assert.Single(content.Rows));
        Assert.False(content.MatchesSchema);
    }

    [Theory]
    [InlineData("text,p_threat\nx,u\n", "title", "text, p_threat")]
    [InlineData("a,b\n1,2\n", "p_threat, title, text", "a, b")]
    public async Task ReadAsync_MissingColumns_FailsNamingFileAndColumnsBug(string csv, string missing, string named)
    {
        // Accepted before, as a column of nulls: a raw file without fulluri or referer silently matched nothing.
        var error = await Assert.ThrowsAsync<TableFormatException>(() => Read(csv, SpotTables.Storyboard));

        Assert.Equal($"{Path}: the CSV header lacks {missing} of table proxy_storyboard (it names {named})", error.Message);
    }

    [Fact]
    public async Task ReadAsync_IntAndBigIntColumns_ParsedAsIntAndLong()
    {
        var content = await Read(
            "tdate,fulluri,uri_sev\n2016-07-08,u,-1\n2016-07-08,v,\n",
            SpotTables.ThreatInvestigation);

        Assert.Equal([["2016-07-08", "u", -1], ["2016-07-08", "v", null]], content.Rows);
        Assert.IsType<int>(content.Rows[0][2]);

        var timeline = await Read(
            "p_threat,tstart,tend,duration,clientip,respcode,respcodename\nu,a,b,3000000000,c,200,OK\n",
            SpotTables.Timeline);
        Assert.Equal(3000000000L, Assert.IsType<long>(Assert.Single(timeline.Rows)[3]));
    }

    // Regression: the conditional '(int)number : number' had type long, so int columns came back as boxed long.
    [Fact]
    public async Task ReadAsync_IntColumnsBoxedAsLongBug_ReturnsBoxedInt()
    {
        var content = await Read("tdate,fulluri,uri_sev\n2016-07-08,u,1\n", SpotTables.ThreatInvestigation);

        var row = Assert.Single(content.Rows);
        Assert.Equal(1, Assert.IsType<int>(row[2]));
        Assert.Equal(1, (int?)row[2]);
    }

    [Fact]
    public async Task ReadAsync_BadBigIntAfterMultilineField_ThrowsNamingPathAndRecordLine()
    {
        // Line 2 holds a quoted field that spans lines 2-3, so the bad row starts on line 4.
        var text =
            "p_threat,tstart,tend,duration,clientip,respcode,respcodename\n" +
            "u,a,b,1,c,200,\"two\nlines\"\n" +
            "u,a,b,abc,c,200,OK\n";

        var ex = await Assert.ThrowsAsync<TableFormatException>(() => Read(text, SpotTables.Timeline));

        Assert.Equal(Path, ex.Path);
        Assert.StartsWith(Path + ": line 4: column duration holds 'abc'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_IntOutOfRange_Throws()
    {
        var ex = await Assert.ThrowsAsync<TableFormatException>(
            () => Read("tdate,fulluri,uri_sev\n2016-07-08,u,3000000000\n", SpotTables.ThreatInvestigation));

        Assert.StartsWith(Path + ": line 2: column uri_sev holds '3000000000', which is not a int", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RowWithTooFewFields_Throws()
    {
        var ex = await Assert.ThrowsAsync<TableFormatException>(() => Read("p_threat,title,text\na,b,c\nd,e\n", SpotTables.Storyboard));

        Assert.StartsWith(Path + ": line 3: 2 fields where the header has 3", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p_threat,title,text\na,\"b,c\n", "a quoted field is never closed")]
    [InlineData("p_threat,title,text\na,b\"c,d\n", "a quote inside an unquoted field")]
    [InlineData("p_threat,title,text\na,\"b\"c,d\n", "unexpected text after a quoted field")]
    [InlineData("", "CSV file has no header row")]
    public async Task ReadAsync_MalformedCsv_Throws(string text, string reason)
    {
        var ex = await Assert.ThrowsAsync<TableFormatException>(() => Read(text, SpotTables.Storyboard));

        Assert.StartsWith(Path + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_SmallTimeline_ExactText()
    {
        var text = await Write(SpotTables.Timeline, [["u,1", "2016-07-08 12:00:00", "2016-07-08 12:00:01", 5L, null, "", "say \"x\""]]);

        Assert.Equal(
            "p_threat,tstart,tend,duration,clientip,respcode,respcodename\r\n" +
            "\"u,1\",2016-07-08 12:00:00,2016-07-08 12:00:01,5,,\"\",\"say \"\"x\"\"\"\r\n",
            text);
    }

    [Fact]
    public async Task WriteAsync_ThenReadAsync_RoundTrips()
    {
        object?[][] rows =
        [
            ["http://exämple.com/p\"q?x=1,2", "2016-07-08 12:00:00", "2016-07-08 12:05:00", 3000000000L, "10.0.0.1", "200", "OK"],
            ["line\r\nbreak\nand\rcr", "", null, null, null, null, "Unknown"],
            [null, "日本", " lead and trail ", 0L, "\"", ",", "\"\""],
        ];

        var text = await Write(SpotTables.Timeline, rows);
        var content = await Read(text, SpotTables.Timeline);

        Assert.True(content.MatchesSchema);
        Assert.Equal(rows, content.Rows);
    }

    [Fact]
    public async Task WriteAsync_ThenReadAsync_IntColumnsRoundTrip()
    {
        object?[][] rows = [["2016-07-08", "u", 1], ["2016-07-08", "v", null], [null, "", int.MinValue]];

        var content = await Read(await Write(SpotTables.ThreatInvestigation, rows), SpotTables.ThreatInvestigation);

        Assert.Equal(rows, content.Rows);
    }
}
