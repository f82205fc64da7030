using ProxyThreat.Pipeline.Analysis;

namespace ProxyThreat.Pipeline.Report;

/// <summary>What one incident-progression file says, as the report draws it.</summary>
/// <param name="Rows">Requests of the expanded search (to the URI or sent on from it).</param>
/// <param name="RequestsToUri">Requests whose fulluri is the URI.</param>
/// <param name="RefererFor">The pages the URI sent users on to, first seen first.</param>
/// <param name="CountedOverRequestsOnly">
/// True for a file without <c>counts</c> (Spot's own notebook wrote it): the counts were taken from its requests
/// to the URI, and requests sent on from it are not counted.
/// </param>
public sealed record ProgressionSummary(
    int Rows,
    int RequestsToUri,
    IReadOnlyList<string> RefererFor,
    IReadOnlyList<CountedValue> ClientIps,
    IReadOnlyList<CountedValue> RequestMethods,
    IReadOnlyList<CountedValue> ContentTypes,
    IReadOnlyList<CountedValue> Referers,
    bool CountedOverRequestsOnly)
{
    public int ClientCount => ClientIps.Count(c => c.Value is not null);
}
