using System.Globalization;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline;
using ProxyThreat.Pipeline.Notify;
using ProxyThreat.Worker.Hooks;
using ProxyThreat.Worker.Ledger;
using ProxyThreat.Worker.Notify;
using ProxyThreat.Worker.Scheduling;

namespace ProxyThreat.Worker.Cli;

/// <summary>The <c>status</c> verb: the ledger of a range of dates, one line per threat, then per date the after-date hook's last outcome.</summary>
public sealed class StatusCommand
{
    private readonly ThreatLedger _ledger;
    private readonly DeliveryLedger _deliveries;
    private readonly NotifyReceivers _receivers;
    private readonly HookLedger _hooks;
    private readonly ScheduleOptions _schedule;
    private readonly TimeProvider _time;

    public StatusCommand(ThreatLedger ledger, DeliveryLedger deliveries, NotifyReceivers receivers, HookLedger hooks, IOptions<ScheduleOptions> schedule, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        _ledger = ledger;
        _deliveries = deliveries;
        _receivers = receivers;
        _hooks = hooks;
        _schedule = schedule.Value;
        _time = time;
    }

    public async Task<int> RunAsync(Command command, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        var (from, to) = command.DefaultRange ? LookbackWindow.At(_time.GetUtcNow(), _schedule) : (command.From, command.To);
        if (!File.Exists(_ledger.Path))
        {
            // Looking must not create the ledger: a wrong State:Path would otherwise pass unnoticed.
            await output.WriteLineAsync($"no ledger at {_ledger.Path}: nothing has been investigated with this State:Path yet");
            return 0;
        }

        var entries = await _ledger.ReadRangeAsync(from, to, cancellationToken);
        var hooks = (await _hooks.ReadRangeAsync(from, to, cancellationToken)).ToDictionary(h => h.Date);
        var byDate = entries.ToLookup(e => e.Date);
        foreach (var date in byDate.Select(g => g.Key).Concat(hooks.Keys).Distinct().Order())
        {
            foreach (var entry in byDate[date])
            {
                await output.WriteLineAsync(Line(entry));
            }

            if (hooks.TryGetValue(date, out var hook))
            {
                await output.WriteLineAsync(Line(hook));
            }
        }

        var states = entries.GroupBy(e => e.State).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {Name(g.Key)}"));
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"ledger {_ledger.Path}, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: {Plural.Of(entries.Count, "threat")}") + (entries.Count > 0 ? " (" + string.Join(", ", states) + ")" : string.Empty));
        await WriteDeliveriesAsync(from, to, output, cancellationToken);
        return 0;
    }

    /// <summary>The alerts and webhook documents of the range not delivered yet, one line each, then how many of each state.</summary>
    private async Task WriteDeliveriesAsync(DateOnly from, DateOnly to, TextWriter output, CancellationToken cancellationToken)
    {
        var deliveries = await _deliveries.ReadRangeAsync(from, to, cancellationToken);
        if (deliveries.Count == 0 && _receivers.All.Count == 0)
        {
            return;
        }

        foreach (var delivery in deliveries.Where(d => d.State != DeliveryState.Delivered))
        {
            var receiver = _receivers.Find(delivery.Receiver)?.Name ?? $"{delivery.Receiver} (no longer configured)";
            var next = delivery.NextAttemptAt is { } at ? at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "next firing";
            var error = delivery.LastError is { } message ? "  error: " + message : string.Empty;
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{delivery.Date:yyyy-MM-dd} {delivery.State.ToString().ToLowerInvariant(),-9} {delivery.Uri}  to {receiver}  attempts={delivery.Attempts} next-try={next}{error}"));
        }

        var counts = Enum.GetValues<DeliveryState>().Select(state => string.Create(CultureInfo.InvariantCulture, $"{deliveries.Count(d => d.State == state)} {state.ToString().ToLowerInvariant()}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"deliveries, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: {string.Join(", ", counts)}"));
    }

    public static string Name(LedgerState state) => state switch
    {
        LedgerState.GivenUp => "given-up",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>The hook's last outcome on a date, and whether it is due to run again.</summary>
    private static string Line(HookEntry hook)
    {
        var last = hook.Last switch
        {
            null => "not run yet",
            { Succeeded: true } result => result.Describe(),
            var result => string.Create(CultureInfo.InvariantCulture, $"failed: {result.Describe()} ({hook.Failures} in a row)"),
        };
        var at = hook.LastRunAt is { } run ? "  last-run=" + run.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : string.Empty;
        var due = hook.IsDue ? "  due: runs at the date's next run or firing" : string.Empty;
        return $"{hook.Date:yyyy-MM-dd} hook      {last}{at}{due}";
    }

    private static string Line(LedgerEntry entry)
    {
        var success = entry.LastSuccessAt is { } at ? at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "never";
        var error = entry.LastError is { } message ? "  error: " + message : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{entry.Date:yyyy-MM-dd} {Name(entry.State),-9} {entry.Uri}  score={entry.Inputs.Score} attempts={entry.Attempts} rows={entry.Rows?.ToString(CultureInfo.InvariantCulture) ?? "-"} last-success={success}{error}");
    }
}
