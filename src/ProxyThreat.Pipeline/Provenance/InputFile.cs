namespace ProxyThreat.Pipeline.Provenance;

/// <summary>A file a source read, by its HDFS path, with its size when it was listed.</summary>
public sealed record InputFile(string Path, long Bytes);
