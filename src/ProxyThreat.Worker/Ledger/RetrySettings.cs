namespace ProxyThreat.Worker.Ledger;

/// <summary>How a failure is retried: a failed threat (<c>State:MaxAttempts</c>, <c>State:RetryDelay</c>), an undelivered alert (<c>Notify:RetryDelay</c>).</summary>
public sealed record RetrySettings(int MaxAttempts, TimeSpan Delay, TimeSpan MaxDelay);
