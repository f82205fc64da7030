using System.Globalization;

namespace ProxyThreat.Worker.Cli;

/// <summary>Parses <c>verb [options] [--Section:Key=value ...]</c>.</summary>
public static class CommandLine
{
    /// <summary>Parses the arguments, or throws <see cref="UsageException"/> saying what was wrong.</summary>
    public static Command Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new UsageException("no verb given");
        }

        var verb = args[0] switch
        {
            "investigate" => Verb.Investigate,
            "backfill" => Verb.Backfill,
            "check" => Verb.Check,
            _ => throw new UsageException($"unknown verb '{args[0]}'"),
        };

        DateOnly? date = null, from = null, to = null;
        var uris = new List<string>();
        var dryRun = false;
        string? config = null;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Count; i++)
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
                case "--from" when verb == Verb.Backfill:
                    from = ParseDate(arg, Value(args, ref i));
                    break;
                case "--to" when verb == Verb.Backfill:
                    to = ParseDate(arg, Value(args, ref i));
                    break;
                case "--dry-run" when verb != Verb.Check:
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

                    throw new UsageException($"unknown option '{arg}' for {args[0]}");
            }
        }

        if (verb == Verb.Check)
        {
            var today = DateOnly.MinValue;
            return new Command(verb, today, today, [], false, config, settings);
        }

        if (verb == Verb.Investigate)
        {
            var day = date ?? throw new UsageException("investigate needs --date yyyy-mm-dd");
            return new Command(verb, day, day, uris, dryRun, config, settings);
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
