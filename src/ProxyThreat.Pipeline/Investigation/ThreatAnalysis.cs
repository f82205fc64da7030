using ProxyThreat.Pipeline.Sources;

namespace ProxyThreat.Pipeline.Investigation;

/// <summary>Everything FORMATS.md section 4 derives from one URI's expanded search (steps 3, 4, 5 and 7).</summary>
public sealed record ThreatAnalysis(
    string Uri,
    int RowCount,
    IReadOnlyList<ProxyRequest> Requests,
    IReadOnlyList<string> RefererFor,
    IReadOnlyList<CountedValue> ClientIps,
    IReadOnlyList<CountedValue> RequestMethods,
    IReadOnlyList<CountedValue> ContentTypes,
    IReadOnlyList<CountedValue> Referers,
    IReadOnlyList<TimelineRow> Timeline)
{
    public int ClientCount => ClientIps.Count(c => c.Value is not null);

    public DateTime? FirstSeen => Requests.FirstOrDefault(r => r.Time is not null)?.Time;

    public DateTime? LastSeen => Requests.LastOrDefault(r => r.Time is not null)?.Time;
}
