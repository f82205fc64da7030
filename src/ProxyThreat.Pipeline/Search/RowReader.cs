namespace ProxyThreat.Pipeline.Search;

/// <summary>Reads the rows of a <see cref="SearchRows"/> a run at a time.</summary>
public abstract class RowReader
{
    /// <summary>The next run of rows; empty at the end. A run is valid until the next call.</summary>
    public abstract ReadOnlySpan<SearchRow> Next();
}
