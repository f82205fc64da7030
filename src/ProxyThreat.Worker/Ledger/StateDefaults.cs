namespace ProxyThreat.Worker.Ledger;

/// <summary>Defaults and limits of <see cref="StateOptions"/>.</summary>
public static class StateDefaults
{
    public const int MaxAttempts = 5;
    public const int MaxAttemptsLimit = 100;

    public static TimeSpan RetryDelay { get; } = TimeSpan.FromMinutes(15);

    /// <summary>The delay doubles after each failed attempt, up to this.</summary>
    public static TimeSpan MaxRetryDelay { get; } = TimeSpan.FromDays(1);
}
