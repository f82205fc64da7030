namespace ProxyThreat.Worker.Ledger;

/// <summary>Where a threat stands after its last investigation.</summary>
public enum LedgerState
{
    /// <summary>Outputs written for the recorded inputs.</summary>
    Done,

    /// <summary>An analyst dismissed it; left alone until the decision changes.</summary>
    Dismissed,

    /// <summary>No decision yet and <c>MissingDecision</c> is skip; looked at again on each firing.</summary>
    Skipped,

    /// <summary>The last attempt failed; retried after a growing delay.</summary>
    Failed,

    /// <summary><c>State:MaxAttempts</c> attempts failed; left alone until its inputs change.</summary>
    GivenUp,
}
