namespace ProxyThreat.Pipeline.Checks;

/// <summary>One line of <c>check</c>: what was proved, how long it took, and what was found or what to fix.</summary>
public sealed record CheckResult(string Name, bool Passed, TimeSpan Elapsed, string Detail);
