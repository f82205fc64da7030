using ProxyThreat.Pipeline.Search;

namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>One row of an expanded search with its texts looked up, for assertions.</summary>
public sealed record FoundRequest(
    DateTime? Time, string? ClientIp, string? FullUri, string? Referer, string? RequestMethod, string? ResponseContentType, string? ResponseCode, int Duration)
{
    /// <summary>The rows of a search in time order.</summary>
    public static List<FoundRequest> Of(SearchRows rows)
    {
        var found = new List<FoundRequest>();
        var reader = rows.ReadInTimeOrder();
        for (var run = reader.Next(); !run.IsEmpty; run = reader.Next())
        {
            foreach (var r in run)
            {
                found.Add(new FoundRequest(
                    r.HasTime ? new DateTime(r.Time) : null,
                    rows.ClientIps[r.ClientIp],
                    rows.FullUris[r.FullUri],
                    rows.Referers[r.Referer],
                    rows.RequestMethods[r.RequestMethod],
                    rows.ContentTypes[r.ContentType],
                    rows.ResponseCodes[r.ResponseCode],
                    r.Duration));
            }
        }

        return found;
    }
}
