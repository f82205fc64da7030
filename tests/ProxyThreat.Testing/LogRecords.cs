using System.Globalization;
using Microsoft.Extensions.Logging.Testing;

namespace ProxyThreat.Testing;

/// <summary>What a <see cref="FakeLogger"/> kept, as one line of text per event, to check what reaches the log.</summary>
public static class LogRecords
{
    /// <summary>The event's level, id, formatted message and exception, as a log line shows them.</summary>
    public static string Text(this FakeLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Create(CultureInfo.InvariantCulture, $"{record.Level} {record.Id.Id} {record.Message} {record.Exception}");
    }

    /// <summary>Every event logged so far, as text.</summary>
    public static IReadOnlyList<string> Texts(this FakeLogCollector collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        return collector.GetSnapshot().Select(Text).ToList();
    }
}
