namespace ProxyThreat.Pipeline.Decisions;

/// <summary>What an analyst decided to do with a threat.</summary>
public enum DecisionAction
{
    Investigate,
    Dismiss,
}
