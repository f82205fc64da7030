namespace ProxyThreat.Worker.Cli;

/// <summary>What the executable was asked to do.</summary>
public enum Verb
{
    Investigate,
    Backfill,
    Check,
}
