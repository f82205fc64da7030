namespace ProxyThreat.Pipeline.Sources;

/// <summary>
/// One raw proxy request, with the columns Spot's expanded search returns. Any field may be null.
/// </summary>
public sealed record ProxyRequest(
    DateTime? Time,
    string? ClientIp,
    string? Username,
    int? Duration,
    string? FullUri,
    string? WebCategory,
    string? ResponseCode,
    string? RequestMethod,
    string? UserAgent,
    string? ResponseContentType,
    string? Referer,
    string? UriPort,
    string? ServerIp,
    int? ServerToClientBytes,
    int? ClientToServerBytes);
