namespace ProxyThreat.Pipeline.Hdfs;

/// <summary>Writing a file whose bytes are already in memory.</summary>
public static class HdfsExtensions
{
    /// <summary>Writes a whole file of these bytes; see <see cref="IHdfs.CreateAsync"/>.</summary>
    public static Task CreateAsync(this IHdfs hdfs, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hdfs);
        return hdfs.CreateAsync(path, Writing(content), cancellationToken);
    }

    /// <summary>A writer for <see cref="IHdfs.CreateAsync"/> that writes these bytes.</summary>
    public static Func<Stream, CancellationToken, Task> Writing(ReadOnlyMemory<byte> content) =>
        (stream, cancellationToken) => stream.WriteAsync(content, cancellationToken).AsTask();
}
