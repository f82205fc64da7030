using System.Globalization;
using Microsoft.Extensions.Logging;
using ProxyThreat.Pipeline;
using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Output;
using ProxyThreat.Pipeline.Selection;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Worker.Hooks;
using ProxyThreat.Worker.Logging;
using ProxyThreat.Worker.Notify;

namespace ProxyThreat.Worker.Cli;

/// <summary>
/// The <c>investigate</c> and <c>backfill</c> verbs: every selected threat of each date (or only those due, with
/// <c>--only-new</c>), one line each; each outcome is recorded in the ledger.
/// </summary>
public sealed class InvestigateCommand
{
    private const string NotAttempted = "not attempted";

    private readonly LedgeredInvestigation _investigation;
    private readonly DecisionStore _decisions;
    private readonly SpotWriter _writer;
    private readonly Notifier _notifier;
    private readonly StatusLine _status;
    private readonly AfterDateHook _hook;
    private readonly TimeProvider _time;
    private readonly ILogger<InvestigateCommand> _logger;

    public InvestigateCommand(
        LedgeredInvestigation investigation,
        DecisionStore decisions,
        SpotWriter writer,
        Notifier notifier,
        StatusLine status,
        AfterDateHook hook,
        TimeProvider time,
        ILogger<InvestigateCommand> logger)
    {
        _investigation = investigation;
        _decisions = decisions;
        _writer = writer;
        _notifier = notifier;
        _status = status;
        _hook = hook;
        _time = time;
        _logger = logger;
    }

    /// <returns>0 when every threat succeeded, 1 otherwise.</returns>
    public async Task<int> RunAsync(Command command, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);

        // Loaded once, before anything is written: a malformed file stops the run here.
        var decisions = await _decisions.LoadAsync(cancellationToken);
        var run = new Tally(command);
        var dates = command.Dates.ToList();
        BackfillProgress? progress = null;
        try
        {
            var selections = command.Verb == Verb.Backfill ? await ScanAsync(command, decisions, cancellationToken) : [];
            progress = command.Verb == Verb.Backfill ? new BackfillProgress(dates.Count, _status, _logger, _time) : null;
            foreach (var date in dates)
            {
                var stop = await InvestigateDateAsync(command, date, selections.GetValueOrDefault(date), decisions, run, output, progress, cancellationToken);
                run.DatesDone++;
                progress?.DateDone();
                if (stop)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // What was done is recorded and stays; the operator sees how far it got.
            progress?.Finish();
            WriteLine(output, Total(run, cancelled: true));
            throw;
        }

        progress?.Finish();
        if (!command.DryRun && _notifier.Enabled)
        {
            WriteLine(output, Notified(await _notifier.DeliverDueAsync(cancellationToken)));
        }

        WriteLine(output, Total(run, cancelled: false));
        return run.FailedDates == 0 && run.Count(ThreatStatus.Failed) == 0 && run.NotAttempted == 0 ? 0 : 1;
    }

    /// <summary>The date's threats, then the after-date hook if they (or an earlier run) changed the date.</summary>
    /// <returns>True when no further date can succeed (a table folder missing altogether).</returns>
    private async Task<bool> InvestigateDateAsync(
        Command command, DateOnly date, ThreatSelection? selection, DecisionBook decisions, Tally run, TextWriter output, BackfillProgress? progress, CancellationToken cancellationToken)
    {
        var stop = await InvestigateThreatsAsync(command, date, selection, decisions, run, output, progress, cancellationToken);
        if (command.DryRun)
        {
            return stop;
        }

        // The hook's outcome never changes the exit code: the outputs it follows are written and stay so.
        const string Again = "the outputs stand, and the hook runs again with the date's next run or firing";
        try
        {
            if (await _hook.RunIfDueAsync(date, cancellationToken) is { } hook)
            {
                WriteLine(output, hook.Succeeded ? $"{date:yyyy-MM-dd} hook      {hook.Describe()}" : $"{date:yyyy-MM-dd} hook      failed: {hook.Describe()}; {Again}");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WriteLine(output, $"{date:yyyy-MM-dd} hook      not run: {ex.Message}; {Again}");
        }

        return stop;
    }

    private async Task<bool> InvestigateThreatsAsync(
        Command command, DateOnly date, ThreatSelection? selection, DecisionBook decisions, Tally run, TextWriter output, BackfillProgress? progress, CancellationToken cancellationToken)
    {
        try
        {
            var scope = new InvestigationScope(command.Uris, command.DryRun);
            await foreach (var outcome in _investigation.InvestigateAsync(date, scope, decisions, command.OnlyNew, cancellationToken, selection))
            {
                run.Add(outcome);
                WriteLine(output, Line(outcome));
                progress?.ThreatDone();
            }

            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A date whose threats cannot be listed, or whose search failed for all of them; the next date may work.
            run.FailedDates++;
            foreach (var uri in (ex as DateFailedException)?.NotAttempted ?? [])
            {
                run.NotAttempted++;
                WriteLine(output, string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd} {NotAttempted} {uri}"));
            }

            WriteLine(output, $"{date:yyyy-MM-dd} failed: {ex.Message}");
            if (ex is MissingTableException)
            {
                run.Stopped = "a Spot table is missing, so every other date would fail the same way";
                return true;
            }

            return false;
        }
    }

    /// <summary>Selects every date's threats before a backfill starts, to say what it is about to do; a date whose scores fail is left to fail in its turn.</summary>
    private async Task<Dictionary<DateOnly, ThreatSelection>> ScanAsync(Command command, DecisionBook decisions, CancellationToken cancellationToken)
    {
        var dates = command.Dates.ToList();
        Log.BackfillScanning(_logger, command.From, command.To, dates.Count);
        var selections = new Dictionary<DateOnly, ThreatSelection>();
        var threats = 0;
        var withThreats = 0;
        foreach (var date in dates)
        {
            try
            {
                var selection = await _investigation.SelectAsync(date, decisions, cancellationToken);
                selections[date] = selection;
                var count = selection.Threats.Count;
                threats += count;
                withThreats += count > 0 ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Reported with its date when the backfill reaches it.
            }
        }

        Log.BackfillStarting(_logger, withThreats, dates.Count, threats, dates.Count - selections.Count);
        return selections;
    }

    /// <summary>One result line, with the backfill bar out of its way.</summary>
    private void WriteLine(TextWriter output, string line) =>
        _status.Interrupt(() =>
        {
            output.WriteLine(line);
            output.Flush();
        });

    private static string Line(ThreatOutcome outcome)
    {
        var detail = outcome switch
        {
            { Error: { } error } => "error: " + error.Message,
            { Status: ThreatStatus.Written or ThreatStatus.DryRun } => string.Create(CultureInfo.InvariantCulture, $"rows={outcome.Rows} clients={outcome.Clients}  story from {outcome.Origin?.ToString().ToLowerInvariant()}"),
            _ => string.Empty,
        };
        return string.Create(CultureInfo.InvariantCulture, $"{outcome.Date:yyyy-MM-dd} {outcome.Status.Name(),-9} {outcome.Uri}  {detail}").TrimEnd();
    }

    /// <summary>What the receivers were sent; what failed waits in the ledger for a later run or firing.</summary>
    private static string Notified(DeliveryTally tally)
    {
        if (tally.IsEmpty)
        {
            return tally.FirstError is { } error ? $"notify: nothing sent: {error}" : "notify: nothing new to announce";
        }

        var parts = new List<string>();
        void Add(int count, string what)
        {
            if (count > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {what}"));
            }
        }

        Add(tally.Delivered, "delivered");
        Add(tally.LeftAlone, "left alone (imported into a case)");
        Add(tally.Failed, "failed");
        Add(tally.Waiting, "waiting to retry");
        var kept = tally.Failed + tally.Waiting > 0 ? "; what was not delivered is kept in the ledger and retried by later runs (see status)" : string.Empty;
        var first = tally.FirstError is { } reason ? $"; first failure: {reason}" : string.Empty;
        return $"notify: {string.Join(", ", parts)}{kept}{first}";
    }

    private string Total(Tally run, bool cancelled)
    {
        var command = run.Command;
        var dates = command.From == command.To ? $"{command.From:yyyy-MM-dd}" : $"{command.From:yyyy-MM-dd} to {command.To:yyyy-MM-dd}";
        if (cancelled)
        {
            dates += string.Create(CultureInfo.InvariantCulture, $" (cancelled after {run.DatesDone} of {Plural.Of(command.Dates.Count(), "date")})");
        }

        var parts = run.Statuses.OrderBy(t => t.Key).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Value} {t.Key.Name()}")).ToList();
        if (run.NotAttempted > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{run.NotAttempted} {NotAttempted}"));
        }

        var threats = run.Statuses.Values.Sum() + run.NotAttempted;
        var total = $"total {dates}: {Plural.Of(threats, "threat")}" + (parts.Count > 0 ? " (" + string.Join(", ", parts) + ")" : string.Empty);
        if (run.FailedDates > 0)
        {
            total += ", " + Plural.Of(run.FailedDates, "date") + " failed";
        }

        if (run.Stopped is { } reason)
        {
            total += $"; stopped: {reason}";
        }

        return (command.DryRun, run.WrittenDates.Count) switch
        {
            (true, _) or (_, 0) => total,
            (_, 1) => total + $"; outputs under {_writer.Describe(run.WrittenDates.Min)} and the storyboard and timeline partitions beside it",
            _ => total + $"; outputs for {Plural.Of(run.WrittenDates.Count, "date")} under {_writer.DescribeHome()}/proxy (oa/storyboard/Y/M/D and the storyboard and timeline partitions of each)",
        };
    }

    /// <summary>What a run did so far, for its total.</summary>
    private sealed class Tally(Command command)
    {
        public Command Command { get; } = command;

        public Dictionary<ThreatStatus, int> Statuses { get; } = [];

        public SortedSet<DateOnly> WrittenDates { get; } = [];

        public int NotAttempted { get; set; }

        public int FailedDates { get; set; }

        public int DatesDone { get; set; }

        public string? Stopped { get; set; }

        public int Count(ThreatStatus status) => Statuses.GetValueOrDefault(status);

        public void Add(ThreatOutcome outcome)
        {
            Statuses[outcome.Status] = Count(outcome.Status) + 1;
            if (outcome.Status == ThreatStatus.Written)
            {
                WrittenDates.Add(outcome.Date);
            }
        }
    }
}
