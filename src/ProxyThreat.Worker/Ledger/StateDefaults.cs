using System.Globalization;

namespace ProxyThreat.Worker.Ledger;

/// <summary>Defaults and limits of <see cref="StateOptions"/>.</summary>
public static class StateDefaults
{
    public const int MaxAttempts = 5;
    public const int MaxAttemptsLimit = 100;

    public static TimeSpan RetryDelay { get; } = TimeSpan.FromMinutes(15);

    /// <summary>The delay doubles after each failed attempt, up to this; <see cref="StateOptions.RetryDelay"/> is at most this too.</summary>
    public const string MaxRetryDelayText = "1.00:00:00";

    public static TimeSpan MaxRetryDelay { get; } = TimeSpan.Parse(MaxRetryDelayText, CultureInfo.InvariantCulture);
}
