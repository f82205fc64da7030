using ProxyThreat.Pipeline.Sources;

namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>An expanded search's outcome with its rows looked up, for assertions; the search itself is disposed.</summary>
public sealed record Searched(string Uri, List<FoundRequest> Found, Exception? Error)
{
    public static async Task<List<Searched>> AllAsync(IAsyncEnumerable<ExpandedSearch> searches)
    {
        var all = new List<Searched>();
        await foreach (var search in searches)
        {
            using (search)
            {
                all.Add(new Searched(search.Uri, FoundRequest.Of(search.Rows), search.Error));
            }
        }

        return all;
    }
}
