namespace ProxyThreat.Pipeline.Investigation;

/// <summary>Which threats of a date to investigate, and whether to write the results.</summary>
/// <param name="Uris">Only these URIs; empty means every threat of the date.</param>
/// <param name="DryRun">Compute everything, write nothing.</param>
public sealed record InvestigationScope(IReadOnlyCollection<string> Uris, bool DryRun)
{
    public static InvestigationScope All { get; } = new([], false);
}
