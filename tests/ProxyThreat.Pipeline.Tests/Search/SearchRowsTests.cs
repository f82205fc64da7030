using ProxyThreat.Pipeline.Search;
using ProxyThreat.Pipeline.Tests.Support;

namespace ProxyThreat.Pipeline.Tests.Search;

public sealed class SearchRowsTests : IDisposable
{
    private readonly string _folder = Path.Join(Path.GetTempPath(), "proxythreat-spill-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void ReadInTimeOrder_RowsOutOfOrderAcrossBlocks_StableTimeOrderWithoutTimeFirst()
    {
        using var rows = Fill(new SearchRows(), 50_000);

        var found = FoundRequest.Of(rows);

        Assert.Equal(Expected(50_000), found);
    }

    [Fact]
    public void Add_PastTheMemoryBudget_SpillsAndReadsBackTheSameRows()
    {
        using var held = Fill(new SearchRows(), 50_000);
        using var spilled = Fill(new SearchRows(256 * 1024, new SpillFolder(_folder)), 50_000);

        Assert.True(spilled.IsSpilled);
        Assert.False(held.IsSpilled);
        Assert.Equal(FoundRequest.Of(held), FoundRequest.Of(spilled));
        Assert.Equal(Count(held.ReadAnyOrder()), Count(spilled.ReadAnyOrder()));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Dispose_SpilledSearch_DeletesItsFile()
    {
        var spilled = Fill(new SearchRows(64 * 1024, new SpillFolder(_folder)), 20_000);
        Assert.Single(Directory.GetFiles(_folder));

        spilled.Dispose();

        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Sweep_FileACrashedRunLeft_IsDeletedAndALiveSearchsFileIsKept()
    {
        var folder = new SpillFolder(_folder);
        using var live = Fill(new SearchRows(64 * 1024, folder), 20_000);
        var orphan = Path.Join(_folder, "proxythreat-spill-4242-0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllBytes(orphan, new byte[100]);

        var swept = folder.Sweep();

        Assert.Equal(1, swept);
        Assert.False(File.Exists(orphan));
        Assert.Single(Directory.GetFiles(_folder));
        Assert.Equal(20_000, FoundRequest.Of(live).Count);
    }

    [Fact]
    public void Add_AfterComplete_Throws()
    {
        using var rows = new SearchRows().Complete();

        Assert.Throws<InvalidOperationException>(() => rows.Add(null, "10.0.0.1", "u", null, null, null, null, null));
    }

    /// <summary>Rows whose times go back and forth, with ties, and every 97th without a time.</summary>
    private static SearchRows Fill(SearchRows rows, int count)
    {
        foreach (var (time, client, index) in Source(count))
        {
            rows.Add(time, client, $"http://u.example/{index % 13}", null, "GET", null, (200 + (index % 3)).ToString(System.Globalization.CultureInfo.InvariantCulture), index);
        }

        return rows.Complete();
    }

    private static IEnumerable<(DateTime? Time, string Client, int Index)> Source(int count) =>
        Enumerable.Range(0, count).Select(i => (i % 97 == 0 ? (DateTime?)null : new DateTime(2016, 7, 8).AddSeconds((i * 7919L) % 5000), $"10.0.{i % 7}.{i % 11}", i));

    private static List<FoundRequest> Expected(int count) =>
        Source(count)
            .OrderBy(r => r.Time ?? DateTime.MinValue)
            .Select(r => new FoundRequest(r.Time, r.Client, $"http://u.example/{r.Index % 13}", null, "GET", null, (200 + (r.Index % 3)).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Index))
            .ToList();

    private static int Count(RowReader reader)
    {
        var count = 0;
        for (var run = reader.Next(); !run.IsEmpty; run = reader.Next())
        {
            count += run.Length;
        }

        return count;
    }
}
