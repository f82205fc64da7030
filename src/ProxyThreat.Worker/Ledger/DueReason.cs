namespace ProxyThreat.Worker.Ledger;

/// <summary>Why a threat is, or is not, investigated on a firing.</summary>
public enum DueReason
{
    /// <summary>Not in the ledger yet.</summary>
    New,

    /// <summary>Its score or decision differs from the last attempt's.</summary>
    Changed,

    /// <summary>The last attempt failed and the retry delay has passed.</summary>
    Retry,

    /// <summary>Skipped for want of a decision last time; looked at again.</summary>
    Pending,

    /// <summary>Done with these inputs.</summary>
    UpToDate,

    /// <summary>Dismissed with this decision.</summary>
    Dismissed,

    /// <summary>Failed, and the retry delay has not passed yet.</summary>
    Waiting,

    /// <summary>Failed <c>State:MaxAttempts</c> times with these inputs.</summary>
    GivenUp,
}
