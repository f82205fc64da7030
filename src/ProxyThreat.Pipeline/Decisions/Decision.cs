namespace ProxyThreat.Pipeline.Decisions;

/// <summary>An analyst's decision saved outside Spot for one (date, URI).</summary>
/// <param name="Line">The line of the decisions file it came from (0 when it came from elsewhere), for messages.</param>
public sealed record Decision(DateOnly Date, string Uri, string? Title, string? Text, DecisionAction Action, int Line = 0);
