using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Report;
using ProxyThreat.Worker.Ledger;

namespace ProxyThreat.Worker.Report;

/// <summary>Makes a date's report: what the output store holds, the ledger's tally where there is a ledger, the time.</summary>
public sealed class ReportMaker
{
    private readonly ReportReader _reader;
    private readonly ThreatLedger _ledger;
    private readonly InvestigationOptions _investigation;
    private readonly TimeProvider _time;

    public ReportMaker(ReportReader reader, ThreatLedger ledger, IOptions<InvestigationOptions> investigation, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        _reader = reader;
        _ledger = ledger;
        _investigation = investigation.Value;
        _time = time;
    }

    public async Task<(DayReport Report, byte[] Html)> MakeAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var threats = await _reader.ReadAsync(date, cancellationToken);
        DateTally? tally = null;
        string? ledgerProblem = null;
        try
        {
            tally = await TallyAsync(date, cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or UnauthorizedAccessException or IOException)
        {
            // The ledger only adds the tally (an analyst may not be allowed to read the service's): the page says why it lacks it.
            ledgerProblem = $"The ledger {_ledger.Path} could not be read ({ex.Message})";
        }

        var report = new DayReport(date, _reader.Describe(date), threats, tally, _investigation.TopResults, _time.GetUtcNow(), ledgerProblem);
        return (report, ReportPage.Render(report));
    }

    /// <summary>The ledger's view of the date; null where there is no ledger, which looking must not create.</summary>
    private async Task<DateTally?> TallyAsync(DateOnly date, CancellationToken cancellationToken)
    {
        if (!File.Exists(_ledger.Path))
        {
            return null;
        }

        var entries = (await _ledger.ReadDateAsync(date, cancellationToken)).Values.ToList();
        int Count(params LedgerState[] states) => entries.Count(e => states.Contains(e.State));
        return new DateTally(
            _ledger.Path,
            Count(LedgerState.Done),
            Count(LedgerState.Dismissed),
            Count(LedgerState.Skipped),
            Count(LedgerState.Failed, LedgerState.GivenUp),
            entries.Where(e => e.State is LedgerState.Failed or LedgerState.GivenUp)
                .Select(e => new FailedThreat(e.Uri, e.LastError, e.State == LedgerState.GivenUp))
                .ToList());
    }
}
