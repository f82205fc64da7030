namespace ProxyThreat.Worker.Hooks;

/// <summary>The ledger's row for the after-date hook of one date.</summary>
/// <param name="Changes">How many runs wrote to the date (while a hook was configured).</param>
/// <param name="Covered">The <paramref name="Changes"/> the last successful run of the hook saw; less than it means the hook is due.</param>
/// <param name="Last">The last run, whatever its outcome; null before the first.</param>
/// <param name="Failures">Failed runs in a row; 0 after a success.</param>
public sealed record HookEntry(
    DateOnly Date,
    long Changes,
    long Covered,
    HookResult? Last,
    int Failures,
    DateTimeOffset? LastRunAt,
    DateTimeOffset? LastSuccessAt)
{
    /// <summary>The date changed since the hook last succeeded for it (or it never did).</summary>
    public bool IsDue => Changes > Covered;
}
