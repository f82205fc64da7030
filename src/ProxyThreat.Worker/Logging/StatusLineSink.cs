using Serilog.Core;
using Serilog.Events;

namespace ProxyThreat.Worker.Logging;

/// <summary>Writes log events to the terminal around the status line, so a backfill bar never runs into a log line.</summary>
internal sealed class StatusLineSink : ILogEventSink, IDisposable
{
    private readonly ILogEventSink _inner;
    private readonly StatusLine _status;

    public StatusLineSink(ILogEventSink inner, StatusLine status)
    {
        _inner = inner;
        _status = status;
    }

    public void Emit(LogEvent logEvent) => _status.Interrupt(() => _inner.Emit(logEvent));

    public void Dispose() => (_inner as IDisposable)?.Dispose();
}
