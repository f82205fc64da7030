namespace ProxyThreat.Pipeline.Spot;

/// <summary>
/// A table folder of Spot's that is not there at all: a wrong data location (root or Spot home), not a date without
/// data, which is an empty partition. Says where it looked and which settings to fix.
/// </summary>
public sealed class MissingTableException : Exception
{
    public MissingTableException(string table, string fix)
        : base($"no Spot table at {table}: {fix}")
    {
        Table = table;
    }

    /// <summary>Where the table's folder was looked for.</summary>
    public string Table { get; }
}
