namespace ProxyThreat.Worker.Ledger;

/// <summary>How failed threats are retried (from <c>Schedule:MaxAttempts</c> and <c>Schedule:RetryDelay</c>).</summary>
public sealed record RetrySettings(int MaxAttempts, TimeSpan Delay, TimeSpan MaxDelay);
