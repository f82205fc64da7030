using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ProxyThreat.Pipeline.Hdfs.WebHdfs;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs;

/// <summary>Keeps every log event, rendered with its exception, to check what reaches logs.</summary>
public sealed class RecordingLogger : ILogger<WebHdfsFileSystem>
{
    public ConcurrentQueue<(int EventId, string Text)> Events { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Events.Enqueue((eventId.Id, $"{formatter(state, exception)} {exception}"));
}
