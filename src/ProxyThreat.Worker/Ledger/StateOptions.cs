using ProxyThreat.Pipeline;

namespace ProxyThreat.Worker.Ledger;

/// <summary>Configuration section <c>State</c>: where the ledger lives, and how it retries a failed threat.</summary>
public sealed class StateOptions
{
    public const string Section = "State";

    /// <summary>The ledger's SQLite file; unset, <see cref="LedgerPath"/> finds it in the service's state directory.</summary>
    public string? Path { get; set; }

    /// <summary>Failed attempts of one threat before it is given up until its inputs change.</summary>
    [KeyRange(1, StateDefaults.MaxAttemptsLimit)]
    public int MaxAttempts { get; set; } = StateDefaults.MaxAttempts;

    /// <summary>The wait after the first failure; it doubles after each further failure.</summary>
    [KeyRange(typeof(TimeSpan), "00:00:00", StateDefaults.MaxRetryDelayText)]
    public TimeSpan RetryDelay { get; set; } = StateDefaults.RetryDelay;
}
