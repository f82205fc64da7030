using System.Globalization;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;

namespace ProxyThreat.Worker.Logging;

/// <summary>
/// The log on standard error: for a person, dated lines (colour on a terminal); for the journal, one entry per
/// event with its priority (<see cref="JournalFormatter"/>).
/// </summary>
internal static class ConsoleLog
{
    private const string Template = "[{Timestamp:yyyy-MM-dd HH:mm:ss zzz} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <param name="sinks">The logger's sinks.</param>
    /// <param name="status">The terminal's status line, which log lines must not run into; null before there is one.</param>
    public static LoggerConfiguration StandardError(this LoggerSinkConfiguration sinks, StatusLine? status = null)
    {
        if (Journal.IsOutput)
        {
            return sinks.Console(new JournalFormatter(), standardErrorFromLevel: LogEventLevel.Verbose);
        }

        LoggerConfiguration Console(LoggerSinkConfiguration console) =>
            console.Console(formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: Template);
        return status is { IsDrawn: true }
            ? sinks.Sink(new StatusLineSink(LoggerSinkConfiguration.CreateSink(c => Console(c)), status))
            : Console(sinks);
    }

    /// <summary>Writes a line that is not a log event (a usage error) to standard error, as an entry of the level's priority in the journal.</summary>
    public static void WriteLine(LogEventLevel level, string line) =>
        Console.Error.Write(Journal.IsOutput ? JournalFormatter.Line(level, line) : line + Environment.NewLine);
}
