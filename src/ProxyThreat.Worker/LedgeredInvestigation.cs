using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Selection;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Worker.Hooks;
using ProxyThreat.Worker.Ledger;
using ProxyThreat.Worker.Notify;

namespace ProxyThreat.Worker;

/// <summary>
/// Runs the investigator over a date and records each outcome in the ledger as it comes; with <c>onlyNew</c>,
/// first narrows the date to the threats the ledger says are due.
/// </summary>
public sealed class LedgeredInvestigation
{
    private readonly Investigator _investigator;
    private readonly IThreatSource _source;
    private readonly ThreatLedger _ledger;
    private readonly Notifier _notifier;
    private readonly AfterDateHook _hook;
    private readonly InvestigationOptions _investigation;
    private readonly RetrySettings _retry;
    private readonly TimeProvider _time;
    private readonly ILogger<LedgeredInvestigation> _logger;
    private readonly HashSet<Decision> _warned = [];

    public LedgeredInvestigation(
        Investigator investigator,
        IThreatSource source,
        ThreatLedger ledger,
        Notifier notifier,
        AfterDateHook hook,
        IOptions<InvestigationOptions> investigation,
        IOptions<StateOptions> state,
        TimeProvider time,
        ILogger<LedgeredInvestigation> logger)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        ArgumentNullException.ThrowIfNull(state);
        _investigator = investigator;
        _source = source;
        _ledger = ledger;
        _notifier = notifier;
        _hook = hook;
        _investigation = investigation.Value;
        _retry = new RetrySettings(state.Value.MaxAttempts, state.Value.RetryDelay, StateDefaults.MaxRetryDelay);
        _time = time;
        _logger = logger;
    }

    /// <summary>The date's threats as the configured severities and the analysts' decisions select them.</summary>
    public Task<ThreatSelection> SelectAsync(DateOnly date, DecisionBook decisions, CancellationToken cancellationToken) =>
        ThreatSelection.ReadAsync(_source, date, decisions, ThreatSelection.SeveritiesOf(_investigation), cancellationToken);

    /// <summary>
    /// Yields each outcome after it is recorded. A dry run records nothing. The ledger write of an outcome that
    /// completed is not cancelled, so the ledger matches the outputs; an outcome that did not complete is never recorded.
    /// </summary>
    /// <param name="date">The date.</param>
    /// <param name="scope">Which threats, and whether to write.</param>
    /// <param name="decisions">The analysts' decisions.</param>
    /// <param name="onlyNew">Only the threats the ledger says are due.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <param name="selection">The date's threats when the caller has selected them already; null reads the date's scores and selects.</param>
    public async IAsyncEnumerable<ThreatOutcome> InvestigateAsync(
        DateOnly date,
        InvestigationScope scope,
        DecisionBook decisions,
        bool onlyNew,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        ThreatSelection? selection = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(decisions);
        selection ??= await SelectAsync(date, decisions, cancellationToken);
        var inputs = selection.Threats.ToDictionary(t => t.Uri, ThreatInputs.Of, StringComparer.Ordinal);
        WarnOfUnmatchedDecisions(date, decisions, inputs.Keys);

        // A dry run that does everything neither reads nor creates the ledger.
        IReadOnlyDictionary<string, LedgerEntry> entries = onlyNew || !scope.DryRun
            ? await _ledger.ReadDateAsync(date, cancellationToken)
            : new Dictionary<string, LedgerEntry>();
        if (onlyNew)
        {
            var now = _time.GetUtcNow();
            var reasons = inputs
                .Where(i => scope.Uris.Count == 0 || scope.Uris.Contains(i.Key))
                .Select(i => (Uri: i.Key, Reason: DuePolicy.Decide(entries.GetValueOrDefault(i.Key), i.Value, now, _retry)))
                .ToList();
            var due = reasons.Where(r => r.Reason.IsDue()).Select(r => r.Uri).ToList();
            // A date with nothing due is the usual case of a firing: not worth a line of its own.
            var waiting = reasons.Count(r => r.Reason == DueReason.Waiting);
            var givenUp = reasons.Count(r => r.Reason == DueReason.GivenUp);
            Log.DateChecked(_logger, due.Count > 0 ? LogLevel.Information : LogLevel.Debug, date, reasons.Count, due.Count, waiting, givenUp);
            if (due.Count == 0)
            {
                yield break;
            }

            scope = scope with { Uris = due };
        }

        var changed = false;
        await foreach (var outcome in _investigator.InvestigateAsync(selection, scope, cancellationToken))
        {
            if (!scope.DryRun && outcome.Status != ThreatStatus.DryRun && inputs.TryGetValue(outcome.Uri, out var input))
            {
                // Before the success is recorded: a stop in between leaves the hook due, never the write unseen by it.
                if (outcome.Status == ThreatStatus.Written && !changed)
                {
                    await _hook.MarkChangedAsync(date);
                    changed = true;
                }

                // Queued before the threat is recorded: a stop between the two redoes the threat, and a rerun queues nothing twice.
                if (outcome.Written is { } written)
                {
                    await _notifier.QueueAsync(written, CancellationToken.None);
                }

                var entry = DuePolicy.Record(entries.GetValueOrDefault(outcome.Uri), input, outcome, _time.GetUtcNow(), _retry);
                await _ledger.WriteAsync(entry, CancellationToken.None);
                if (entry.State == LedgerState.GivenUp)
                {
                    Log.ThreatGivenUp(_logger, outcome.Uri, date, entry.Attempts, entry.LastError);
                }
            }

            yield return outcome;
        }
    }

    /// <summary>
    /// Warns once per process of each decision naming no threat of its date (a typo in the URI, or a URI not scored
    /// yet), so a firing every few minutes does not repeat it; a decision that changes is new and warned of again.
    /// </summary>
    private void WarnOfUnmatchedDecisions(DateOnly date, DecisionBook decisions, IEnumerable<string> threats)
    {
        foreach (var decision in decisions.Unmatched(date, threats))
        {
            bool first;
            lock (_warned)
            {
                first = _warned.Add(decision);
            }

            if (first)
            {
                Log.DecisionUnmatched(_logger, decision.Uri, date, decision.Line, decision.Action.ToString().ToLowerInvariant());
            }
        }
    }
}
