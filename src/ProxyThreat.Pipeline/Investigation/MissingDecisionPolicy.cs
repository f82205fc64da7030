namespace ProxyThreat.Pipeline.Investigation;

/// <summary>What to do with a threat no analyst has written anything for.</summary>
public enum MissingDecisionPolicy
{
    /// <summary>Write a title and summary from the aggregates.</summary>
    Generate,

    /// <summary>Leave the threat for a later run.</summary>
    Skip,
}
