namespace ProxyThreat.Pipeline.Sources.Tables;

/// <summary>Configuration section <c>Source:Tables</c>.</summary>
public sealed class TablesSourceOptions
{
    /// <summary>The folder standing for HDFS <c>/</c>; relative to the current directory.</summary>
    public string Root { get; set; } = "samples/hdfs";
}
