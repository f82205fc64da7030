namespace ProxyThreat.Worker.Cli;

/// <summary>What the executable was asked to do.</summary>
public enum Verb
{
    Investigate,
    Backfill,

    /// <summary>The service: the scheduler until stopped. Also what no verb means.</summary>
    Run,

    /// <summary>Print the ledger for a range of dates.</summary>
    Status,

    /// <summary>Validate the configuration and prove each configured part usable.</summary>
    Check,

    /// <summary>Write a date's HTML report from what the output store holds.</summary>
    Report,
}
