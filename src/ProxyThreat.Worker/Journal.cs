namespace ProxyThreat.Worker;

/// <summary>Whether systemd started the process, so its output goes to the journal rather than a person.</summary>
internal static class Journal
{
    public static bool IsOutput =>
        Environment.GetEnvironmentVariable("INVOCATION_ID") is not null || Environment.GetEnvironmentVariable("JOURNAL_STREAM") is not null;
}
