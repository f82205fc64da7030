namespace ProxyThreat.Worker.Cli;

/// <summary>The usage text printed after a command-line error.</summary>
public static class Usage
{
    public const string Text = """
        usage: proxythreat <verb> [options] [--config FILE] [--Section:Key=value ...]
          investigate --date yyyy-mm-dd [--uri U]... [--dry-run]   investigate a date's threats (or only the URIs given)
          backfill --from yyyy-mm-dd --to yyyy-mm-dd [--dry-run]    the same for every date of a range
          check                                                   validate the configuration and prove the source and output usable
        """;

    public const string Hint = "run 'proxythreat --help' for usage";
}
