namespace ProxyThreat.Pipeline.Report;

/// <summary>A threat whose last investigation failed.</summary>
/// <param name="GivenUp">No further attempt will be made until its inputs change.</param>
public sealed record FailedThreat(string Uri, string? Error, bool GivenUp);
