namespace ProxyThreat.Pipeline.Analysis;

/// <summary>One element of the incident progression's <c>requests</c>: a request whose fulluri is the threat.</summary>
public readonly record struct IncidentRequest(string? ClientIp, string? Referer, string? RequestMethod, string? ResponseContentType);
