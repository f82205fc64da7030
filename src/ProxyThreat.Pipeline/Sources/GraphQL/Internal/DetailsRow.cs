namespace ProxyThreat.Pipeline.Sources.GraphQL.Internal;

/// <summary>An element of <c>proxy.threat.details</c>, typed as the schema types it.</summary>
internal sealed record DetailsRow(
    string? Datetime,
    string? ClientIp,
    string? Username,
    int? Duration,
    string? Uri,
    string? WebCategory,
    int? ResponseCode,
    string? RequestMethod,
    string? UserAgent,
    string? ResponseContentType,
    string? Referer,
    int? UriPort,
    string? ServerIp,
    int? ServerToClientBytes,
    int? ClientToServerBytes);
