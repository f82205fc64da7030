using System.Globalization;
using Microsoft.Extensions.Logging;
using ProxyThreat.Worker.Logging;

namespace ProxyThreat.Worker.Cli;

/// <summary>
/// Progress of a backfill: a bar redrawn in place on a terminal, or one plain log line per date when the
/// output is redirected or the journal takes it.
/// </summary>
public sealed class BackfillProgress
{
    private const int Width = 30;

    private readonly int _dates;
    private readonly TextWriter? _terminal;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly long _started;
    private int _datesDone;
    private int _threats;

    public BackfillProgress(int dates, TextWriter? terminal, ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _dates = dates;
        _terminal = terminal;
        _logger = logger;
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>Whether a bar can be drawn: standard error is a terminal and systemd did not start the process.</summary>
    public static bool IsInteractive =>
        !Console.IsErrorRedirected && !Journal.IsOutput;

    public void ThreatDone()
    {
        _threats++;
        _terminal?.Write(Bar());
    }

    public void DateDone()
    {
        _datesDone++;
        if (_terminal is { } terminal)
        {
            terminal.Write(Bar());
        }
        else
        {
            Log.BackfillProgress(_logger, _datesDone, _dates, _threats, (long)Left().TotalSeconds);
        }
    }

    public void Finish() => _terminal?.WriteLine();

    private TimeSpan Left() =>
        _datesDone == 0 ? TimeSpan.Zero : _time.GetElapsedTime(_started) / _datesDone * (_dates - _datesDone);

    private string Bar()
    {
        var filled = _dates == 0 ? Width : _datesDone * Width / _dates;
        var left = _datesDone == 0 ? "?" : Left().ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('-', Width - filled)}] {_datesDone}/{_dates} dates, {_threats} threats, {left} left ");
    }
}
