namespace ProxyThreat.Pipeline.Hdfs;

/// <summary>Configuration section <c>Hdfs:Local</c>.</summary>
public sealed class LocalHdfsOptions
{
    /// <summary>
    /// The folder standing for HDFS <c>/</c>; relative to the current directory, created as needed. No default:
    /// required with <c>local</c>.
    /// </summary>
    public string? Root { get; set; }
}
