namespace ProxyThreat.Pipeline.Checks;

/// <summary>One line of <c>check</c>: what was proved, how long it took, and what was found or what to fix.</summary>
/// <param name="Warning">Passed, but found something the operator should look at (it does not fail the check).</param>
public sealed record CheckResult(string Name, bool Passed, TimeSpan Elapsed, string Detail, bool Warning = false);
