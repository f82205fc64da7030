namespace ProxyThreat.Pipeline.Hdfs;

/// <summary>One child of an HDFS directory.</summary>
public sealed record HdfsEntry(string Path, string Name, bool IsDirectory, long Length);
