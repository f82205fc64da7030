namespace ProxyThreat.Pipeline.Report;

/// <summary>What the ledger says about a date's threats, for the report's header.</summary>
/// <param name="Ledger">Where the ledger is.</param>
/// <param name="Failures">Threats whose last attempt failed, with the error.</param>
public sealed record DateTally(string Ledger, int Written, int Dismissed, int Skipped, int Failed, IReadOnlyList<FailedThreat> Failures);
