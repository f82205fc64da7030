namespace ProxyThreat.SampleData.Internal;

/// <summary>
/// A logged URI cut into the proxy's columns by hand: <see cref="Uri"/> would normalise the very text (quotes,
/// non-ASCII, <c>%20</c>) the sample must keep as the proxy logged it.
/// </summary>
internal sealed record UriParts(string Scheme, string Host, string Port, string Path, string? Query, string? Extension)
{
    public static UriParts Split(string fullUri)
    {
        var schemeEnd = fullUri.IndexOf("://", StringComparison.Ordinal);
        var scheme = fullUri[..schemeEnd];
        var rest = fullUri[(schemeEnd + 3)..];
        var pathStart = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        var pathAndQuery = pathStart < 0 ? "/" : rest[pathStart..];

        var colon = authority.IndexOf(':', StringComparison.Ordinal);
        var host = colon < 0 ? authority : authority[..colon];
        var port = colon < 0 ? (scheme == "http" ? "80" : "443") : authority[(colon + 1)..];

        var queryStart = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart];

        // Blue Coat logs cs-uri-query with its leading '?'.
        var query = queryStart < 0 ? null : pathAndQuery[queryStart..];
        var lastSegment = path[(path.LastIndexOf('/') + 1)..];
        var dot = lastSegment.LastIndexOf('.');
        var extension = dot < 0 ? null : lastSegment[(dot + 1)..].ToLowerInvariant();
        return new UriParts(scheme, host, port, path, query, extension);
    }
}
