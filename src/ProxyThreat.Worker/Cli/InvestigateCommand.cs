using System.Globalization;
using Microsoft.Extensions.Logging;
using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Output;
using ProxyThreat.Worker.Ledger;

namespace ProxyThreat.Worker.Cli;

/// <summary>
/// The <c>investigate</c> and <c>backfill</c> verbs: every selected threat of each date (or only those due, with
/// <c>--only-new</c>), one line each; each outcome is recorded in the ledger.
/// </summary>
public sealed class InvestigateCommand
{
    private readonly LedgeredInvestigation _investigation;
    private readonly DecisionStore _decisions;
    private readonly SpotWriter _writer;
    private readonly TimeProvider _time;
    private readonly ILogger<InvestigateCommand> _logger;

    public InvestigateCommand(LedgeredInvestigation investigation, DecisionStore decisions, SpotWriter writer, TimeProvider time, ILogger<InvestigateCommand> logger)
    {
        _investigation = investigation;
        _decisions = decisions;
        _writer = writer;
        _time = time;
        _logger = logger;
    }

    /// <returns>0 when every threat succeeded, 1 otherwise.</returns>
    public async Task<int> RunAsync(Command command, TextWriter output, CancellationToken cancellationToken)
    {
        // Loaded once, before anything is written: a malformed file stops the run here.
        var decisions = await _decisions.LoadAsync(cancellationToken);
        var tally = new Dictionary<ThreatStatus, int>();
        var failedDates = 0;
        var progress = command.Verb == Verb.Backfill
            ? new BackfillProgress(command.Dates.Count(), BackfillProgress.IsInteractive ? Console.Error : null, _logger, _time)
            : null;
        foreach (var date in command.Dates)
        {
            try
            {
                await foreach (var outcome in _investigation.InvestigateAsync(date, new InvestigationScope(command.Uris, command.DryRun), decisions, command.OnlyNew, cancellationToken))
                {
                    tally[outcome.Status] = tally.GetValueOrDefault(outcome.Status) + 1;
                    await output.WriteLineAsync(Line(outcome));
                    progress?.ThreatDone();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A date whose threats cannot even be listed; the next date may still work.
                failedDates++;
                await output.WriteLineAsync($"{date:yyyy-MM-dd} failed: {ex.Message}");
            }

            progress?.DateDone();
        }

        progress?.Finish();

        await output.WriteLineAsync(Total(command, tally, failedDates));
        return failedDates == 0 && tally.GetValueOrDefault(ThreatStatus.Failed) == 0 ? 0 : 1;
    }

    private static string Name(ThreatStatus status) => status switch
    {
        ThreatStatus.DryRun => "dry-run",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Line(ThreatOutcome outcome)
    {
        var status = Name(outcome.Status);
        var detail = outcome switch
        {
            { Error: { } error } => "error: " + error.Message,
            { Origin: { } origin } => "story from " + origin.ToString().ToLowerInvariant(),
            _ => string.Empty,
        };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{outcome.Date:yyyy-MM-dd} {status,-9} {outcome.Uri}  rows={outcome.Rows} clients={outcome.Clients}  {detail}").TrimEnd();
    }

    private string Total(Command command, Dictionary<ThreatStatus, int> tally, int failedDates)
    {
        var threats = tally.Values.Sum();
        var parts = tally.OrderBy(t => t.Key).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Value} {Name(t.Key)}"));
        var dates = command.From == command.To ? $"{command.From:yyyy-MM-dd}" : $"{command.From:yyyy-MM-dd} to {command.To:yyyy-MM-dd}";
        var total = string.Create(CultureInfo.InvariantCulture, $"total {dates}: {threats} threats") + (threats > 0 ? " (" + string.Join(", ", parts) + ")" : string.Empty);
        if (failedDates > 0)
        {
            total += string.Create(CultureInfo.InvariantCulture, $", {failedDates} dates failed");
        }

        return command.DryRun || tally.GetValueOrDefault(ThreatStatus.Written) == 0
            ? total
            : total + $"; outputs under {_writer.Describe(command.From)} and the storyboard and timeline partitions beside it";
    }
}
