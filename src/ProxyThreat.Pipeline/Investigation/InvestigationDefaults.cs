namespace ProxyThreat.Pipeline.Investigation;

/// <summary>Defaults and limits of <see cref="InvestigationOptions"/>.</summary>
public static class InvestigationDefaults
{
    public const int TopResults = 20;
    public const int MaxTopResults = 10_000;
    public const int MaxParallelThreats = 4;
    public const int MaxParallelThreatsLimit = 64;

    public static IReadOnlyList<int> Severities { get; } = [1];

    public static TimeSpan TimelineGap { get; } = TimeSpan.FromMinutes(5);

    public const string MaxTimelineGap = "1.00:00:00";
}
