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
            _ => throw new UsageException($"unknown verb '{args[0]}'"),
        };
        var verbName = implicitRun ? "run" : args[0];

        DateOnly? date = null, from = null, to = null;
        var uris = new List<string>();
        var dryRun = false;
        var onlyNew = false;
        string? config = null;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = implicitRun ? 0 : 1; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--date" when verb == Verb.Investigate:
                    date = ParseDate(arg, Value(args, ref i));
                    break;
                case "--uri" when verb == Verb.Investigate:
                    uris.Add(Value(args, ref i));
                    break;
                case "--only-new" when verb == Verb.Investigate:
                    onlyNew = true;
                    break;
                case "--from" when verb is Verb.Backfill or Verb.Status:
                    from = ParseDate(arg, Value(args, ref i));
                    break;
                case "--to" when verb is Verb.Backfill or Verb.Status:
                    to = ParseDate(arg, Value(args, ref i));
                    break;
                case "--dry-run" when verb is Verb.Investigate or Verb.Backfill:
                    dryRun = true;
                    break;
                case "--config":
                    config = Value(args, ref i);
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal))
                    {
                        var eq = arg.IndexOf('=', StringComparison.Ordinal);
                        settings[arg[2..eq]] = arg[(eq + 1)..];
                        break;
                    }

                    throw new UsageException($"unknown option '{arg}' for {verbName}");
            }
        }

        switch (verb)
        {
            case Verb.Run or Verb.Check:
                return new Command(verb, default, default, [], false, config, settings);
            case Verb.Investigate:
                var day = date ?? throw new UsageException("investigate needs --date yyyy-mm-dd");
                return new Command(verb, day, day, uris, dryRun, config, settings, OnlyNew: onlyNew);
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

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"{args[i]} needs a value");
        }

        return args[++i];
    }

    private static DateOnly ParseDate(string option, string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{option} '{value}' is not a date of the form yyyy-mm-dd");
}
