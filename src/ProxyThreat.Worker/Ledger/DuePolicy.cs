using ProxyThreat.Pipeline.Investigation;

namespace ProxyThreat.Worker.Ledger;

/// <summary>
/// The ledger's rules, as pure functions: whether a threat is due given its entry, its current inputs and the
/// time, and what entry an outcome leaves behind.
/// </summary>
public static class DuePolicy
{
    public static bool IsDue(this DueReason reason) => reason is DueReason.New or DueReason.Changed or DueReason.Retry or DueReason.Pending;

    public static DueReason Decide(LedgerEntry? entry, ThreatInputs inputs, DateTimeOffset now, RetrySettings retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        if (entry is null)
        {
            return DueReason.New;
        }

        if (entry.Inputs != inputs)
        {
            return DueReason.Changed;
        }

        return entry.State switch
        {
            LedgerState.Done => DueReason.UpToDate,
            LedgerState.Dismissed => DueReason.Dismissed,
            LedgerState.Skipped => DueReason.Pending,
            LedgerState.Failed when entry.Attempts >= retry.MaxAttempts => DueReason.GivenUp,
            LedgerState.Failed => now >= entry.LastAttemptAt + RetryDelay(entry.Attempts, retry) ? DueReason.Retry : DueReason.Waiting,
            _ => DueReason.GivenUp,
        };
    }

    /// <summary>The wait after the given number of failed attempts: the base delay, doubled after each further failure, capped.</summary>
    public static TimeSpan RetryDelay(int attempts, RetrySettings retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var delay = retry.Delay;
        for (var i = 1; i < attempts && delay < retry.MaxDelay; i++)
        {
            delay *= 2;
        }

        return delay < retry.MaxDelay ? delay : retry.MaxDelay;
    }

    /// <summary>The entry an outcome leaves: a success resets the attempts, a failure counts one more.</summary>
    public static LedgerEntry Record(LedgerEntry? previous, ThreatInputs inputs, ThreatOutcome outcome, DateTimeOffset now, RetrySettings retry)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(retry);
        var entry = new LedgerEntry(outcome.Date, outcome.Uri, LedgerState.Done, inputs, previous?.Rows, 0, null, now, previous?.LastSuccessAt);
        switch (outcome.Status)
        {
            case ThreatStatus.Written:
                return entry with { Rows = outcome.Rows, LastSuccessAt = now };
            case ThreatStatus.Dismissed:
                return entry with { State = LedgerState.Dismissed, LastSuccessAt = now };
            case ThreatStatus.Skipped:
                return entry with { State = LedgerState.Skipped };
            case ThreatStatus.Failed:
                var attempts = (previous is { State: LedgerState.Failed or LedgerState.GivenUp } p && p.Inputs == inputs ? p.Attempts : 0) + 1;
                return entry with
                {
                    State = attempts >= retry.MaxAttempts ? LedgerState.GivenUp : LedgerState.Failed,
                    Attempts = attempts,
                    LastError = outcome.Error?.Message ?? "failed",
                };
            default:
                throw new ArgumentException($"a {outcome.Status} outcome is not recorded", nameof(outcome));
        }
    }
}
