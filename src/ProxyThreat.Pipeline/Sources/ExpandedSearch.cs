namespace ProxyThreat.Pipeline.Sources;

/// <summary>
/// The expanded search of one URI: every request of the date whose fulluri or referer equals it, in time
/// order; or the error that kept the source from answering for that URI.
/// </summary>
public sealed record ExpandedSearch(string Uri, IReadOnlyList<ProxyRequest> Requests, Exception? Error = null)
{
    public static ExpandedSearch Failed(string uri, Exception error) => new(uri, [], error);
}
