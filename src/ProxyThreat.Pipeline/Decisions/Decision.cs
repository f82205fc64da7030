namespace ProxyThreat.Pipeline.Decisions;

/// <summary>An analyst's decision saved outside Spot for one (date, URI).</summary>
public sealed record Decision(DateOnly Date, string Uri, string? Title, string? Text, DecisionAction Action);
