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

    public static LoggerConfiguration StandardError(this LoggerSinkConfiguration sinks) =>
        Journal.IsOutput
            ? sinks.Console(new JournalFormatter(), standardErrorFromLevel: LogEventLevel.Verbose)
            : sinks.Console(formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: Template);

    /// <summary>Writes a line that is not a log event (a usage error) to standard error, as an entry of the level's priority in the journal.</summary>
    public static void WriteLine(LogEventLevel level, string line) =>
        Console.Error.Write(Journal.IsOutput ? JournalFormatter.Line(level, line) : line + Environment.NewLine);
}
