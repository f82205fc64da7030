using System.Reflection;
using Microsoft.Extensions.Logging;
using ProxyThreat.Pipeline.Hdfs;

namespace ProxyThreat.Worker.Tests.Logging;

public sealed class LogEventIdTests
{
    [Fact]
    public void EventIds_AcrossThePipelineAndTheWorker_AreUnique()
    {
        // Operators filter the journal and their log stores by event id: one id must mean one event.
        var events = new[] { typeof(IHdfs).Assembly, typeof(WorkerHost).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<LoggerMessageAttribute>().Select(a => (a.EventId, Method: $"{m.DeclaringType!.FullName}.{m.Name}")))
            .ToList();

        Assert.True(events.Count > 30, $"found only {events.Count} log events");
        var shared = events.GroupBy(e => e.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Method))}");
        Assert.Empty(shared);
    }
}
