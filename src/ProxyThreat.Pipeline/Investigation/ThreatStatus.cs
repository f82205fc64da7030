namespace ProxyThreat.Pipeline.Investigation;

/// <summary>How the investigation of one threat ended.</summary>
public enum ThreatStatus
{
    /// <summary>Outputs written.</summary>
    Written,

    /// <summary>Everything computed, nothing written (<c>--dry-run</c>).</summary>
    DryRun,

    /// <summary>An analyst dismissed it: nothing written.</summary>
    Dismissed,

    /// <summary>No decision yet and <c>MissingDecision</c> is <c>skip</c>: left for later.</summary>
    Skipped,

    Failed,
}
