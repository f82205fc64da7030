using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;

/// <summary>Keeps every formatted log message, to check what reaches the log.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => _messages.ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _messages.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}");
}
