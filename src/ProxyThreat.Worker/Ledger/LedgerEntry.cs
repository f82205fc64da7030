namespace ProxyThreat.Worker.Ledger;

/// <summary>The ledger's row for one threat of one date.</summary>
/// <param name="Inputs">The inputs of the last attempt; for <see cref="LedgerState.Done"/>, those of the last success.</param>
/// <param name="Rows">Expanded-search rows of the last success.</param>
/// <param name="Attempts">Failed attempts in a row with the current inputs; 0 after a success.</param>
public sealed record LedgerEntry(
    DateOnly Date,
    string Uri,
    LedgerState State,
    ThreatInputs Inputs,
    int? Rows,
    int Attempts,
    string? LastError,
    DateTimeOffset LastAttemptAt,
    DateTimeOffset? LastSuccessAt);
