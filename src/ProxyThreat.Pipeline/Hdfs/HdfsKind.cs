namespace ProxyThreat.Pipeline.Hdfs;

/// <summary>Where results are written (<c>Hdfs:Kind</c>).</summary>
public enum HdfsKind
{
    /// <summary>A local folder standing for HDFS <c>/</c>.</summary>
    Local,
}
