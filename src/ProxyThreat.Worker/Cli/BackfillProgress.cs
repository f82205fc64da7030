using System.Globalization;
using Microsoft.Extensions.Logging;
using ProxyThreat.Pipeline;
using ProxyThreat.Worker.Logging;

namespace ProxyThreat.Worker.Cli;

/// <summary>
/// Progress of a backfill: a bar on the terminal's status line, or one plain log line per date when the output
/// is redirected or the journal takes it.
/// </summary>
public sealed class BackfillProgress
{
    private const int Width = 30;

    private readonly int _dates;
    private readonly StatusLine _status;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly long _started;
    private int _datesDone;
    private int _threats;

    public BackfillProgress(int dates, StatusLine status, ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(time);
        _dates = dates;
        _status = status;
        _logger = logger;
        _time = time;
        _started = time.GetTimestamp();
        if (_status.IsDrawn)
        {
            _status.Show(Bar());
        }
    }

    public int DatesDone => _datesDone;

    public void ThreatDone()
    {
        _threats++;
        if (_status.IsDrawn)
        {
            _status.Show(Bar());
        }
    }

    public void DateDone()
    {
        _datesDone++;
        if (_status.IsDrawn)
        {
            _status.Show(Bar());
        }
        else
        {
            Log.BackfillProgress(_logger, _datesDone, _dates, _threats, (long)Left().TotalSeconds);
        }
    }

    public void Finish() => _status.Close();

    private TimeSpan Left() =>
        _datesDone == 0 ? TimeSpan.Zero : _time.GetElapsedTime(_started) / _datesDone * (_dates - _datesDone);

    private string Bar()
    {
        var filled = _dates == 0 ? Width : _datesDone * Width / _dates;
        var left = _datesDone == 0 ? "?" : Left().ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('-', Width - filled)}] {_datesDone}/{_dates} dates, {Plural.Of(_threats, "threat")}, {left} left");
    }
}
