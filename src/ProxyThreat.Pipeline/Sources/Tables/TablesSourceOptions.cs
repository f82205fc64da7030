namespace ProxyThreat.Pipeline.Sources.Tables;

/// <summary>Configuration section <c>Source:Tables</c>.</summary>
public sealed class TablesSourceOptions
{
    /// <summary>The folder standing for HDFS <c>/</c>; relative to the current directory. No default: required with <c>tables</c>.</summary>
    public string? Root { get; set; }
}
