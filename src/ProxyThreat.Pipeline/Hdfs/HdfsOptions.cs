namespace ProxyThreat.Pipeline.Hdfs;

/// <summary>Configuration section <c>Hdfs</c>.</summary>
public sealed class HdfsOptions
{
    public const string Section = "Hdfs";

    public HdfsKind Kind { get; set; } = HdfsKind.Local;

    public LocalHdfsOptions Local { get; set; } = new();
}
