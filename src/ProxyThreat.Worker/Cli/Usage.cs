namespace ProxyThreat.Worker.Cli;

/// <summary>The usage text printed after a command-line error.</summary>
public static class Usage
{
    public const string Text = """
        usage: proxythreat [<verb>] [options] [--config FILE] [--Section:Key=value ...]
          run                                                       the service: investigate what is new on Schedule:Cron until stopped (the default)
          investigate --date yyyy-mm-dd [--uri U]... [--dry-run] [--only-new]
                                                                    investigate a date's threats (or only the URIs given; or only those due, as a firing does)
          backfill --from yyyy-mm-dd --to yyyy-mm-dd [--dry-run]    the same for every date of a range
          status [--from yyyy-mm-dd --to yyyy-mm-dd]                the ledger: one line per threat (default: the lookback window)
          check                                                     validate the configuration and prove the source and output usable
        """;

    public const string Hint = "run 'proxythreat --help' for usage";
}
