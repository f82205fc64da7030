namespace ProxyThreat.Worker.Cli;

/// <summary>The usage text printed after a command-line error.</summary>
public static class Usage
{
    public const string Text = """
        usage: proxythreat [<verb>] [options] [--config FILE] [--Section:Key=value ...]
          run                                                       the service: investigate what is new on Schedule:Cron until stopped (the default)
          investigate --date yyyy-mm-dd [--uri U]... [--dry-run] [--only-new] [--report]
                                                                    investigate a date's threats (or only the URIs given; or only those due, as a firing does);
                                                                    --report then writes the date's report as the report verb does
          backfill --from yyyy-mm-dd --to yyyy-mm-dd [--dry-run]    the same for every date of a range
          status [--from yyyy-mm-dd --to yyyy-mm-dd]                the ledger: one line per threat, the after-date hook per date, and the alerts not yet delivered (default: the lookback window)
          check                                                     validate the configuration and prove the source, the output and the hook usable
          report --date yyyy-mm-dd [--out FILE]                     write the date's HTML report from the outputs (default out/report-yyyy-mm-dd.html; - for standard output)
        """;

    public const string Hint = "run 'proxythreat --help' for usage";
}
