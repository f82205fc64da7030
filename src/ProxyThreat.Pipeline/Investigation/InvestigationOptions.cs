using ProxyThreat.Pipeline.Analysis;

namespace ProxyThreat.Pipeline.Investigation;

/// <summary>Configuration section <c>Investigation</c>.</summary>
public sealed class InvestigationOptions
{
    public const string Section = "Investigation";

    /// <summary>Scores that count as threats; null means <see cref="InvestigationDefaults.Severities"/>.</summary>
    public int[]? Severities { get; set; }

    [KeyRange(1, InvestigationDefaults.MaxTopResults)]
    public int TopResults { get; set; } = InvestigationDefaults.TopResults;

    /// <summary>A gap longer than this between two requests of a client starts a new timeline session.</summary>
    [KeyRange(typeof(TimeSpan), "00:00:00", InvestigationDefaults.MaxTimelineGap)]
    public TimeSpan TimelineGap { get; set; } = InvestigationDefaults.TimelineGap;

    public string? DecisionsPath { get; set; }

    /// <summary>The decisions file, or null when none is configured (an empty value overrides one set earlier).</summary>
    public string? DecisionsFile => string.IsNullOrWhiteSpace(DecisionsPath) ? null : DecisionsPath;

    public MissingDecisionPolicy MissingDecision { get; set; } = MissingDecisionPolicy.Generate;

    [KeyRange(1, InvestigationDefaults.MaxParallelThreatsLimit)]
    public int MaxParallelThreats { get; set; } = InvestigationDefaults.MaxParallelThreats;

    public TimelineSettings Timeline => new(TopResults, TimelineGap);
}
