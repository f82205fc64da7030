namespace ProxyThreat.Pipeline.Search.Internal;

/// <summary>Up to <see cref="SearchRows.BlockRows"/> rows in time order, held in memory or at an offset of the spill file.</summary>
internal sealed class RowBlock
{
    public RowBlock(SearchRow[] rows, int count)
    {
        Rows = rows;
        Count = count;
        FirstKey = rows[0].SortKey;
        LastKey = rows[count - 1].SortKey;
    }

    /// <summary>The rows, or null once they moved to the spill file.</summary>
    public SearchRow[]? Rows { get; private set; }

    public int Count { get; }

    public long Offset { get; private set; }

    public long FirstKey { get; }

    public long LastKey { get; }

    public void MoveTo(long offset)
    {
        Offset = offset;
        Rows = null;
    }
}
