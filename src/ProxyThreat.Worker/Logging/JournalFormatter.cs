using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace ProxyThreat.Worker.Logging;

/// <summary>
/// One line per event for the journal's stream: a syslog priority prefix (<c>&lt;3&gt;</c>, sd-daemon(3)) that
/// the journal stores as the entry's priority, no timestamp (the journal adds its own), and every line break of
/// the event (an exception's stack trace, or one inside a logged URI) written as <c>\n</c>, so one event is one
/// journal entry and no text can forge another.
/// </summary>
internal sealed class JournalFormatter : ITextFormatter
{
    private readonly MessageTemplateTextFormatter _text = new("[{Level:u3}] {Message:lj}{NewLine}{Exception}", CultureInfo.InvariantCulture);

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        _text.Format(logEvent, buffer);
        output.Write(Line(logEvent.Level, buffer.ToString()));
    }

    /// <summary>A line of text as one journal entry of the level's priority.</summary>
    public static string Line(LogEventLevel level, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"<{Priority(level)}>{text.TrimEnd('\r', '\n').ReplaceLineEndings("\\n")}\n");

    /// <summary>The syslog priority of a level: crit, err, warning, info, debug.</summary>
    public static int Priority(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 2,
        LogEventLevel.Error => 3,
        LogEventLevel.Warning => 4,
        LogEventLevel.Information => 6,
        _ => 7,
    };
}
