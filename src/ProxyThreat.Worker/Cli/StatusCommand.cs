using System.Globalization;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline;
using ProxyThreat.Worker.Ledger;
using ProxyThreat.Worker.Scheduling;

namespace ProxyThreat.Worker.Cli;

/// <summary>The <c>status</c> verb: the ledger of a range of dates, one line per threat.</summary>
public sealed class StatusCommand
{
    private readonly ThreatLedger _ledger;
    private readonly ScheduleOptions _schedule;
    private readonly TimeProvider _time;

    public StatusCommand(ThreatLedger ledger, IOptions<ScheduleOptions> schedule, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        _ledger = ledger;
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
        foreach (var entry in entries)
        {
            await output.WriteLineAsync(Line(entry));
        }

        var states = entries.GroupBy(e => e.State).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {Name(g.Key)}"));
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"ledger {_ledger.Path}, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: {Plural.Of(entries.Count, "threat")}") + (entries.Count > 0 ? " (" + string.Join(", ", states) + ")" : string.Empty));
        return 0;
    }

    public static string Name(LedgerState state) => state switch
    {
        LedgerState.GivenUp => "given-up",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string Line(LedgerEntry entry)
    {
        var success = entry.LastSuccessAt is { } at ? at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "never";
        var error = entry.LastError is { } message ? "  error: " + message : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{entry.Date:yyyy-MM-dd} {Name(entry.State),-9} {entry.Uri}  score={entry.Inputs.Score} attempts={entry.Attempts} rows={entry.Rows?.ToString(CultureInfo.InvariantCulture) ?? "-"} last-success={success}{error}");
    }
}
