using System.Text;
using ProxyThreat.Pipeline.Search;

namespace ProxyThreat.Pipeline.Tests.Search;

public sealed class TextTableTests
{
    [Fact]
    public void IdOf_TextsRepeatedInRunsAndApart_OneIdPerTextInTheOrderFirstSeen()
    {
        var table = new TextTable();
        string[] methods = ["GET", "GET", "POST", "GET", "POST", "POST", "HEAD", "GET"];

        var ids = methods.Select(t => table.IdOf(Encoding.UTF8.GetBytes(t))).ToArray();

        Assert.Equal([1, 1, 2, 1, 2, 2, 3, 1], ids);
        Assert.Equal([null, "GET", "POST", "HEAD"], Enumerable.Range(0, table.Count).Select(i => table[i]));
        Assert.Equal(2, table.Find("POST"));
        Assert.Equal(-1, table.Find("PUT"));
    }

    [Fact]
    public void IdOf_BytesThatAreNotUtf8_ShareTheIdOfTheStringTheyDecodeTo()
    {
        var table = new TextTable();
        var replaced = table.IdOf("a\uFFFDb");

        // Two different invalid bytes decode alike, each to the replacement character; the last looked up was valid.
        var first = table.IdOf([(byte)'a', 0xFF, (byte)'b']);
        var second = table.IdOf([(byte)'a', 0xFE, (byte)'b']);
        var again = table.IdOf([(byte)'a', 0xFF, (byte)'b']);

        Assert.Equal([replaced, replaced, replaced], [first, second, again]);
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void IdOfAnotherTablesId_SameTextNewHere_AddedOnceWithTheSameString()
    {
        var file = new TextTable();
        var search = new TextTable();
        search.IdOf("10.0.0.9");
        var seven = file.IdOf("10.0.0.7");
        var nine = file.IdOf("10.0.0.9");

        Assert.Equal(2, search.IdOf(file, seven));
        Assert.Equal(1, search.IdOf(file, nine));
        Assert.Equal(2, search.IdOf(file, seven));
        Assert.Equal(TextTable.Null, search.IdOf(file, TextTable.Null));
        Assert.Same(file[seven], search[2]);
    }
}
