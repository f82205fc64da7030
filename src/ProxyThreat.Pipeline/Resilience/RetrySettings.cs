namespace ProxyThreat.Pipeline.Resilience;

/// <summary>How an adapter retries an operation that failed in a way that can pass.</summary>
/// <param name="Retries">Tries after the first; 0: none.</param>
/// <param name="FirstDelay">The wait before the first retry; each further one doubles it, with jitter.</param>
/// <param name="MaxDelay">No single wait is longer.</param>
/// <param name="Budget">The longest one operation may take, every try and wait included.</param>
/// <param name="BudgetKey">The configuration key of <paramref name="Budget"/>, for the message when it runs out.</param>
internal sealed record RetrySettings(int Retries, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan Budget, string BudgetKey);
