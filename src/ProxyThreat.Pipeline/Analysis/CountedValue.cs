namespace ProxyThreat.Pipeline.Analysis;

/// <summary>How many requests carried one value (null when the field was empty).</summary>
public sealed record CountedValue(string? Value, int Requests);
