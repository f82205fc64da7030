namespace ProxyThreat.Pipeline.Analysis;

/// <summary>The counts of FORMATS.md section 4 step 4, from one pass over a search's rows.</summary>
internal sealed record ThreatCounts(
    int Requests,
    int RequestClients,
    IReadOnlyList<CountedValue> ClientIps,
    IReadOnlyList<CountedValue> RequestMethods,
    IReadOnlyList<CountedValue> ContentTypes,
    IReadOnlyList<CountedValue> Referers);
