namespace ProxyThreat.Pipeline.Notify;

/// <summary>What a receiver did with a document it took.</summary>
/// <param name="Detail">What was done, e.g. <c>created alert ~4200</c>.</param>
/// <param name="LeftAlone">The receiver holds the threat in a state the worker must not change (an alert imported into a case).</param>
public sealed record Delivered(string Detail, bool LeftAlone = false);
