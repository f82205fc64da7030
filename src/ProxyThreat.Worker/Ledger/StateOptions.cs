namespace ProxyThreat.Worker.Ledger;

/// <summary>Configuration section <c>State</c>: where the ledger lives, and how it retries a failed threat.</summary>
public sealed class StateOptions
{
    public const string Section = "State";
    public const string FileName = "ledger.db";

    /// <summary>
    /// The ledger's SQLite file. Default: <c>ledger.db</c> in the service's state directory (systemd's
    /// <c>$STATE_DIRECTORY</c>, <c>/var/lib/proxythreat</c> with the shipped unit), else <c>state/ledger.db</c>
    /// under the working directory.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Failed attempts of one threat before it is given up until its inputs change.</summary>
    public int MaxAttempts { get; set; } = StateDefaults.MaxAttempts;

    /// <summary>The wait after the first failure; it doubles after each further failure.</summary>
    public TimeSpan RetryDelay { get; set; } = StateDefaults.RetryDelay;

    public string ResolvedPath => System.IO.Path.GetFullPath(Path ?? System.IO.Path.Join(StateDirectory(), FileName));

    private static string StateDirectory() =>
        Environment.GetEnvironmentVariable("STATE_DIRECTORY") is { Length: > 0 } dirs
            ? dirs.Split(':')[0]
            : "state";
}
