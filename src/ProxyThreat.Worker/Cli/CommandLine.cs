using System.Globalization;

namespace ProxyThreat.Worker.Cli;

/// <summary>Parses <c>verb [options] [--Section:Key=value ...]</c>.</summary>
public static class CommandLine
{
    /// <summary>Parses the arguments, or throws <see cref="UsageException"/> saying what was wrong.</summary>
    public static Command Parse(IReadOnlyList<string> args)
    {
        // No verb, or options only, is the service: what systemd and a bare start run.
        var implicitRun = args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal);
        var verb = implicitRun ? Verb.Run : args[0] switch
        {
            "run" => Verb.Run,
            "investigate" => Verb.Investigate,
            "backfill" => Verb.Backfill,
            "check" => Verb.Check,
            "status" => Verb.Status,
            "report" => Verb.Report,
            _ => throw new UsageException($"unknown verb '{args[0]}'"),
        };
        var verbName = implicitRun ? "run" : args[0];

        DateOnly? date = null, from = null, to = null;
        var uris = new List<string>();
        var dryRun = false;
        var onlyNew = false;
        var report = false;
        string? reportPath = null;
        string? config = null;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = implicitRun ? 0 : 1; i < args.Count; i++)
        {
            // --option=value is the same as --option value; --Section:Key=value is a setting.
            var (arg, inline) = Split(args[i]);
            if (arg.Contains(':', StringComparison.Ordinal) && arg.StartsWith("--", StringComparison.Ordinal) && inline is not null)
            {
                settings[arg[2..]] = inline;
                continue;
            }

            switch (arg)
            {
                case "--date" when verb is Verb.Investigate or Verb.Report:
                    date = ParseDate(arg, Once(arg, date, Value(args, ref i, inline)));
                    break;
                case "--uri" when verb == Verb.Investigate:
                    uris.Add(Value(args, ref i, inline));
                    break;
                case "--only-new" when verb == Verb.Investigate && inline is null:
                    onlyNew = true;
                    break;
                case "--report" when verb == Verb.Investigate && inline is null:
                    report = true;
                    break;
                case "--out" when verb == Verb.Report:
                    reportPath = Once(arg, reportPath, Value(args, ref i, inline));
                    break;
                case "--from" when verb is Verb.Backfill or Verb.Status:
                    from = ParseDate(arg, Once(arg, from, Value(args, ref i, inline)));
                    break;
                case "--to" when verb is Verb.Backfill or Verb.Status:
                    to = ParseDate(arg, Once(arg, to, Value(args, ref i, inline)));
                    break;
                case "--dry-run" when verb is Verb.Investigate or Verb.Backfill && inline is null:
                    dryRun = true;
                    break;
                case "--config":
                    config = Once(arg, config, Value(args, ref i, inline));
                    break;
                default:
                    throw new UsageException($"unknown option '{args[i]}' for {verbName}");
            }
        }

        switch (verb)
        {
            case Verb.Run or Verb.Check:
                return new Command(verb, default, default, [], false, config, settings);
            case Verb.Investigate when report && dryRun:
                throw new UsageException("--report shows what was written, so it cannot go with --dry-run");
            case Verb.Investigate:
                var day = date ?? throw new UsageException("investigate needs --date yyyy-mm-dd");
                return new Command(verb, day, day, uris, dryRun, config, settings, OnlyNew: onlyNew, Report: report);
            case Verb.Report:
                var reported = date ?? throw new UsageException("report needs --date yyyy-mm-dd");
                return new Command(verb, reported, reported, [], false, config, settings, ReportPath: reportPath);
            case Verb.Status when from is null && to is null:
                return new Command(verb, default, default, [], false, config, settings, DefaultRange: true);
            case Verb.Status when from is null || to is null:
                throw new UsageException("status needs both --from and --to, or neither (the lookback window)");
        }

        var first = from ?? throw new UsageException("backfill needs --from yyyy-mm-dd");
        var last = to ?? throw new UsageException("backfill needs --to yyyy-mm-dd");
        if (last < first)
        {
            throw new UsageException($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}");
        }

        return new Command(verb, first, last, [], dryRun, config, settings);
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 2 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string? inline)
    {
        if (inline is not null)
        {
            return inline.Length > 0 ? inline : throw new UsageException($"{Split(args[i]).Name} needs a value");
        }

        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"{args[i]} needs a value");
        }

        return args[++i];
    }

    /// <summary>Refuses an option given twice: silently taking the last of two dates would investigate the wrong one.</summary>
    private static string Once<T>(string option, T? earlier, string value) =>
        earlier is null ? value : throw new UsageException($"{option} is given more than once");

    private static DateOnly ParseDate(string option, string value)
    {
        var inv = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", inv, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // The right form with a month or day the calendar lacks deserves its own message.
        if (value.Length == 10 && value[4] == '-' && value[7] == '-'
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, inv, out var year) && year >= 1
            && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, inv, out var month)
            && int.TryParse(value.AsSpan(8, 2), NumberStyles.None, inv, out var day))
        {
            throw new UsageException(month is < 1 or > 12
                ? $"{option} '{value}' is not a calendar date: there is no month {month}"
                : string.Create(inv, $"{option} '{value}' is not a calendar date: {year:0000}-{month:00} has {DateTime.DaysInMonth(year, month)} days, not {day}"));
        }

        throw new UsageException($"{option} '{value}' is not a date of the form yyyy-mm-dd");
    }
}
