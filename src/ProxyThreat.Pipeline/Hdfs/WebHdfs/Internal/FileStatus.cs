namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>The parts of a WebHDFS <c>FileStatus</c> the adapter uses.</summary>
internal sealed record FileStatus(string PathSuffix, bool IsDirectory, long Length);
