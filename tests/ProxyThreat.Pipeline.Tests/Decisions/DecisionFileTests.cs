using System.Text;
using ProxyThreat.Pipeline.Decisions;

namespace ProxyThreat.Pipeline.Tests.Decisions;

public sealed class DecisionFileTests : IDisposable
{
    private static readonly DateOnly Day = new(2016, 7, 8);

    private readonly string _directory = Directory.CreateTempSubdirectory("decision-file-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_directory, "decisions.jsonl");
        File.WriteAllText(path, string.Join('\n', lines), new UTF8Encoding(false));
        return path;
    }

    private static Task<DecisionBook> Load(string path) => DecisionFile.LoadAsync(path, CancellationToken.None);

    [Fact]
    public async Task LoadAsync_ValidFileWithBlankLines_ReadsEveryDecision()
    {
        var path = Write(
            """{"date":"2016-07-08","uri":"http://a.com/","title":"T","text":"X","action":"investigate"}""",
            "",
            "   ",
            """{"date": "2016-07-08", "uri": "http://b.com/ü\"q", "action": "dismiss"}""",
            """{"date":"2016-07-09","uri":"http://a.com/","title":null}""",
            "");

        var book = await Load(path);

        Assert.Equal(3, book.Count);
        Assert.Equal(new Decision(Day, "http://a.com/", "T", "X", DecisionAction.Investigate, 1), book.Find(Day, "http://a.com/"));
        Assert.Equal(new Decision(Day, "http://b.com/ü\"q", null, null, DecisionAction.Dismiss, 4), book.Find(Day, "http://b.com/ü\"q"));
        Assert.Equal(new Decision(Day.AddDays(1), "http://a.com/", null, null, DecisionAction.Investigate, 5), book.Find(Day.AddDays(1), "http://a.com/"));
        Assert.Null(book.Find(Day, "http://c.com/"));
    }

    [Fact]
    public async Task LoadAsync_SameThreatTwice_LaterLineWins()
    {
        var path = Write(
            """{"date":"2016-07-08","uri":"http://a.com/","title":"first"}""",
            """{"date":"2016-07-08","uri":"http://a.com/","title":"second","action":"dismiss"}""");

        var book = await Load(path);

        Assert.Equal(1, book.Count);
        Assert.Equal(new Decision(Day, "http://a.com/", "second", null, DecisionAction.Dismiss, 2), book.Find(Day, "http://a.com/"));
    }

    [Fact]
    public async Task LoadAsync_EmptyFile_NoDecisions()
    {
        var book = await Load(Write(""));

        Assert.Equal(0, book.Count);
    }

    [Fact]
    public async Task LoadAsync_MalformedJsonOnLine3_ThrowsNamingPathAndLine()
    {
        var path = Write(
            """{"date":"2016-07-08","uri":"http://a.com/"}""",
            "",
            """{"date":"2016-07-08","uri":""",
            """{"date":"2016-07-08","uri":"http://b.com/"}""");

        var ex = await Assert.ThrowsAsync<DecisionFileException>(() => Load(path));

        Assert.StartsWith(path + ":3: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(path, ex.Path);
        Assert.Equal(3, ex.Line);
    }

    [Theory]
    [InlineData("""{"date":"2016-07-08","uri":"http://a.com/","severity":"1"}""", "unknown key \"severity\"")]
    [InlineData("""{"date":"2016-13-01","uri":"http://a.com/"}""", "\"date\" '2016-13-01' is not a yyyy-mm-dd date")]
    [InlineData("""{"date":"07/08/2016","uri":"http://a.com/"}""", "\"date\" '07/08/2016' is not a yyyy-mm-dd date")]
    [InlineData("""{"date":"2016-7-8","uri":"http://a.com/"}""", "\"date\" '2016-7-8' is not a yyyy-mm-dd date")]
    [InlineData("""{"uri":"http://a.com/"}""", "\"date\" is missing")]
    [InlineData("""{"date":"2016-07-08"}""", "\"uri\" is missing or empty")]
    [InlineData("""{"date":"2016-07-08","uri":""}""", "\"uri\" is missing or empty")]
    [InlineData("""{"date":"2016-07-08","uri":"http://a.com/","action":"ignore"}""", "\"action\" 'ignore' is neither investigate nor dismiss")]
    [InlineData("""{"date":"2016-07-08","uri":"http://a.com/","action":"Dismiss"}""", "\"action\" 'Dismiss' is neither investigate nor dismiss")]
    [InlineData("""{"date":"2016-07-08","uri":5}""", "\"uri\" must be a string")]
    [InlineData("""{"date":"2016-07-08","uri":"http://a.com/","title":true}""", "\"title\" must be a string")]
    [InlineData("""{"date":"2016-07-08","uri":"http://a.com/","text":["x"]}""", "\"text\" must be a string")]
    [InlineData("""["2016-07-08","http://a.com/"]""", "expected a JSON object")]
    [InlineData("""{"date":"2016-07-08","uri":"http://a.com/"} x""", "not a JSON object")]
    public async Task LoadAsync_BadLine2_ThrowsWithPathLineAndReason(string line, string reason)
    {
        var path = Write("""{"date":"2016-07-08","uri":"http://ok.com/"}""", line);

        var ex = await Assert.ThrowsAsync<DecisionFileException>(() => Load(path));

        Assert.StartsWith(path + ":2: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_ThrowsNamingPath()
    {
        var path = Path.Combine(_directory, "absent.jsonl");

        var ex = await Assert.ThrowsAsync<DecisionFileException>(() => Load(path));

        Assert.StartsWith(path + ": cannot read the decisions file", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, ex.Line);
    }

    [Fact]
    public async Task LoadAsync_InvalidUtf8_ThrowsNamingPath()
    {
        var path = Path.Combine(_directory, "latin1.jsonl");
        await File.WriteAllBytesAsync(path, [.. "{\"date\":\"2016-07-08\",\"uri\":\"http://a.com/"u8, 0xFC, .. "\"}"u8]);

        var ex = await Assert.ThrowsAsync<DecisionFileException>(() => Load(path));

        Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
    }
}
