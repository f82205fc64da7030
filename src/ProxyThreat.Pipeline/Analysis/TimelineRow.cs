namespace ProxyThreat.Pipeline.Analysis;

/// <summary>One row of table proxy_timeline: one response code within one session of one client.</summary>
public sealed record TimelineRow(
    string Threat,
    string Start,
    string End,
    long Duration,
    string? ClientIp,
    string? ResponseCode,
    string ResponseCodeName);
