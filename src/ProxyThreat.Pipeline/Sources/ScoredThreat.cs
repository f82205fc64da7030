namespace ProxyThreat.Pipeline.Sources;

/// <summary>A URI an analyst scored on a date (table proxy_threat_investigation).</summary>
public sealed record ScoredThreat(string Uri, int? Severity);
