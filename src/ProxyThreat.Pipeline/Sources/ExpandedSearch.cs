using ProxyThreat.Pipeline.Search;

namespace ProxyThreat.Pipeline.Sources;

/// <summary>
/// The expanded search of one URI: every request of the date whose fulluri or referer equals it; or the error
/// that kept the source from answering for that URI. Disposing it frees its rows (and their spill file).
/// </summary>
public sealed class ExpandedSearch : IDisposable
{
    public ExpandedSearch(string uri, SearchRows rows, Exception? error = null)
    {
        Uri = uri;
        Rows = rows;
        Error = error;
    }

    public string Uri { get; }

    /// <summary>The requests, complete; read them in time order with <see cref="SearchRows.ReadInTimeOrder"/>.</summary>
    public SearchRows Rows { get; }

    public Exception? Error { get; }

    public static ExpandedSearch Failed(string uri, Exception error) => new(uri, new SearchRows().Complete(), error);

    public void Dispose() => Rows.Dispose();
}
