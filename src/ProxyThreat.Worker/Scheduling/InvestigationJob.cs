using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Worker.Hooks;
using ProxyThreat.Worker.Notify;
using ProxyThreat.Worker.Report;
using Quartz;

namespace ProxyThreat.Worker.Scheduling;

/// <summary>
/// One firing: the dates of the lookback window, oldest first, each narrowed to the threats the ledger says are
/// due. Never runs twice at once; a stop cancels it between or inside threats, and what completed stays recorded.
/// </summary>
[DisallowConcurrentExecution]
public sealed class InvestigationJob : IJob
{
    public static readonly JobKey Key = new("investigate", "proxythreat");

    private readonly LedgeredInvestigation _investigation;
    private readonly DecisionStore _decisions;
    private readonly ScheduleOptions _options;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ReportPublisher _reports;
    private readonly Notifier _notifier;
    private readonly AfterDateHook _hook;
    private readonly ILogger<InvestigationJob> _logger;

    public InvestigationJob(LedgeredInvestigation investigation, DecisionStore decisions, IOptions<ScheduleOptions> options, TimeProvider time, IHostApplicationLifetime lifetime, ReportPublisher reports, Notifier notifier, AfterDateHook hook, ILogger<InvestigationJob> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _investigation = investigation;
        _decisions = decisions;
        _options = options.Value;
        _time = time;
        _lifetime = lifetime;
        _reports = reports;
        _notifier = notifier;
        _hook = hook;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Quartz signals its token on an interrupt; the host's stopping token covers SIGTERM and Ctrl-C.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.ApplicationStopping);
        var started = _time.GetTimestamp();
        var (from, to) = LookbackWindow.At(_time.GetUtcNow(), _options);
        var outcomes = new List<ThreatOutcome>();
        var failedDates = 0;
        Log.FiringStarted(_logger, from, to);
        try
        {
            var decisions = await _decisions.LoadAsync(stop.Token);
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                try
                {
                    var before = outcomes.Count;
                    await foreach (var outcome in _investigation.InvestigateAsync(date, InvestigationScope.All, decisions, onlyNew: true, stop.Token))
                    {
                        outcomes.Add(outcome);
                    }

                    await _reports.PublishAsync(date, outcomes[before..], stop.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The boundary of one date (its threats cannot be listed, or the ledger cannot be read); the next date may work.
                    failedDates++;
                    Log.DateFailed(_logger, ex, date, (ex as DateFailedException)?.NotAttempted.Count ?? 0, ex.Message);
                }

                // Also after a date that failed: what it did write is there to be seen. Its outcome is logged and kept in the ledger.
                await RunHookAsync(date, stop.Token);
            }

            // After every date is done, so a slow or absent receiver holds up no investigation; its documents wait in the ledger.
            await _notifier.DeliverDueAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Log.FiringCancelled(_logger, outcomes.Count);
            Complete(new FiringSummary(from, to, outcomes, failedDates, Cancelled: true), context);
            return;
        }
        catch (DecisionFileException ex)
        {
            Log.DecisionsUnreadable(_logger, ex.Message);
            Complete(new FiringSummary(from, to, outcomes, to.DayNumber - from.DayNumber + 1, Cancelled: false), context);
            return;
        }

        var elapsedMs = (long)_time.GetElapsedTime(started).TotalMilliseconds;
        if (outcomes.Count == 0 && failedDates == 0)
        {
            Log.FiringIdle(_logger, elapsedMs, from, to);
            Complete(new FiringSummary(from, to, outcomes, failedDates, Cancelled: false), context);
            return;
        }

        Log.FiringDone(
            _logger,
            elapsedMs,
            from,
            to,
            outcomes.Count,
            outcomes.Count(o => o.Status == ThreatStatus.Written),
            outcomes.Count(o => o.Status == ThreatStatus.Dismissed),
            outcomes.Count(o => o.Status == ThreatStatus.Skipped),
            outcomes.Count(o => o.Status == ThreatStatus.Failed),
            failedDates);
        Complete(new FiringSummary(from, to, outcomes, failedDates, Cancelled: false), context);
    }

    private async Task RunHookAsync(DateOnly date, CancellationToken cancellationToken)
    {
        try
        {
            await _hook.RunIfDueAsync(date, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The ledger could not be read or written: the date's outputs stand, and the hook stays due.
            Log.HookNotRun(_logger, ex, date, ex.Message);
        }
    }

    /// <summary>The firing's summary is its result, for the scheduler's job listeners.</summary>
    private static void Complete(FiringSummary summary, IJobExecutionContext context) => context.Result = summary;
}
