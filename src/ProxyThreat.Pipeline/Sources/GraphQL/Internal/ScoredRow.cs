namespace ProxyThreat.Pipeline.Sources.GraphQL.Internal;

/// <summary>An element of <c>proxy.threats.list</c>.</summary>
internal sealed record ScoredRow(string? Datetime, string? Uri, int? Score);
