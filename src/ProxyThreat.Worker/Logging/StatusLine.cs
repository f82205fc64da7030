namespace ProxyThreat.Worker.Logging;

/// <summary>
/// The line a terminal shows under the output, redrawn in place (the backfill bar). Every other line written to
/// the terminal, a result or a log event, goes through <see cref="Interrupt"/>, which clears the status line first
/// and draws it again below, so the two never run into each other.
/// </summary>
public sealed class StatusLine
{
    // Erases from the cursor to the end of the line.
    private const string EraseLine = "\u001b[K";

    private readonly TextWriter? _terminal;
    private readonly Lock _gate = new();
    private string? _text;

    /// <param name="terminal">Where the line is drawn; null where there is no terminal to draw on.</param>
    public StatusLine(TextWriter? terminal)
    {
        _terminal = terminal;
    }

    /// <summary>Standard error when it is a terminal, not redirected and not the journal; else a line that draws nothing.</summary>
    public static StatusLine ForStandardError() => new(!Console.IsErrorRedirected && !Journal.IsOutput ? Console.Error : null);

    /// <summary>Whether the line is drawn at all; where it is not, progress goes to the log instead.</summary>
    public bool IsDrawn => _terminal is not null;

    public void Show(string text)
    {
        lock (_gate)
        {
            if (_terminal is not null)
            {
                _text = text;
                _terminal.Write("\r" + text + EraseLine);
                _terminal.Flush();
            }
        }
    }

    /// <summary>Leaves the last state on screen and moves below it.</summary>
    public void Close()
    {
        lock (_gate)
        {
            if (_text is not null)
            {
                _terminal!.WriteLine();
                _terminal.Flush();
                _text = null;
            }
        }
    }

    /// <summary>Writes something else to the terminal (whole lines) with the status line out of its way.</summary>
    public void Interrupt(Action write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_gate)
        {
            if (_text is not null)
            {
                _terminal!.Write("\r" + EraseLine);
                _terminal.Flush();
            }

            write();
            if (_text is not null)
            {
                _terminal!.Write(_text + EraseLine);
                _terminal.Flush();
            }
        }
    }
}
