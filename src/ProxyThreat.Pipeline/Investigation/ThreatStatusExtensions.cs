namespace ProxyThreat.Pipeline.Investigation;

/// <summary>How outcomes are named to people, the same in result lines, totals and the log.</summary>
public static class ThreatStatusExtensions
{
    public static string Name(this ThreatStatus status) => status switch
    {
        ThreatStatus.DryRun => "dry-run",
        _ => status.ToString().ToLowerInvariant(),
    };
}
