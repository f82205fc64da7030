namespace ProxyThreat.Worker.Ledger;

/// <summary>Where the ledger's SQLite file is.</summary>
public static class LedgerPath
{
    private const string FileName = "ledger.db";

    /// <summary>
    /// <c>State:Path</c> in full; unset, <c>ledger.db</c> in the service's state directory (systemd's
    /// <c>$STATE_DIRECTORY</c>, <c>/var/lib/proxythreat</c> with the shipped unit), else <c>state/ledger.db</c>
    /// under the working directory.
    /// </summary>
    public static string Resolve(StateOptions options) => Resolve(options, Environment.GetEnvironmentVariable("STATE_DIRECTORY"));

    /// <param name="options">The <c>State</c> section.</param>
    /// <param name="stateDirectory">systemd's <c>$STATE_DIRECTORY</c>: one or more folders separated by colons, of which the first is the ledger's.</param>
    internal static string Resolve(StateOptions options, string? stateDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = stateDirectory is { Length: > 0 } ? stateDirectory.Split(':')[0] : "state";
        return Path.GetFullPath(options.Path ?? Path.Join(directory, FileName));
    }
}
