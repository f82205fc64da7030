namespace ProxyThreat.Pipeline.Report;

/// <summary>Everything one date's report shows.</summary>
/// <param name="Location">Where the outputs were read, for the header.</param>
/// <param name="Threats">The threats in storyboard order.</param>
/// <param name="Tally">The ledger's view of the date; null without a ledger.</param>
/// <param name="TopResults">How many clients a timeline holds at most (<c>Investigation:TopResults</c>).</param>
/// <param name="MadeAt">When the report was made.</param>
/// <param name="LedgerProblem">Why a ledger that exists could not be read, shown in the header in place of its tally.</param>
public sealed record DayReport(
    DateOnly Date,
    string Location,
    IReadOnlyList<ThreatReport> Threats,
    DateTally? Tally,
    int TopResults,
    DateTimeOffset MadeAt,
    string? LedgerProblem = null)
{
    public long RowsScanned => Threats.Sum(t => (long)(t.Progression?.Rows ?? 0));
}
