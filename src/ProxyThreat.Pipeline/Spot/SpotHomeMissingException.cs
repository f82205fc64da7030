namespace ProxyThreat.Pipeline.Spot;

/// <summary>
/// <c>Spot:Root</c> is not a folder on HDFS: a wrong setting (or an unmounted or unreadable home), so nothing of a
/// date is written. Says which setting to check.
/// </summary>
public sealed class SpotHomeMissingException : Exception
{
    public SpotHomeMissingException(string root, string where)
        : base($"Spot:Root {root} does not exist on HDFS ({where}): the worker creates Spot's partitions, never Spot's home; check Spot:Root (HUSER in spot.conf)")
    {
        Root = root;
    }

    /// <summary>The configured home that was not found.</summary>
    public string Root { get; }
}
