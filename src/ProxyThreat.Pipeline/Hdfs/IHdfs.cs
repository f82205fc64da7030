namespace ProxyThreat.Pipeline.Hdfs;

/// <summary>
/// The file operations the worker needs from HDFS, on absolute HDFS paths (<c>/user/spot/...</c>).
/// Implementations: a local folder standing for <c>/</c>, and WebHDFS.
/// </summary>
public interface IHdfs
{
    /// <summary>Says where a path lives, for messages to operators.</summary>
    string Describe(string path);

    /// <summary>Lists a directory's children by name; a directory that does not exist has none.</summary>
    Task<IReadOnlyList<HdfsEntry>> ListAsync(string directory, CancellationToken cancellationToken);

    /// <summary>What a path is, in one call; null when it does not exist.</summary>
    Task<HdfsEntry?> GetStatusAsync(string path, CancellationToken cancellationToken);

    Task<Stream> OpenAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a whole file from what <paramref name="write"/> writes to the stream it is given, creating parent
    /// directories and replacing any file of that name. The writer may be run again from the start when a try
    /// fails: it must write the same bytes each time.
    /// </summary>
    Task CreateAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken);

    /// <summary>Moves a file, replacing the destination in one step where it exists.</summary>
    Task RenameAsync(string source, string destination, CancellationToken cancellationToken);

    /// <summary>
    /// Finishes or undoes what an interrupted <see cref="RenameAsync"/> left in a folder, so that every file in it is
    /// readable under its own name again. Call it before writing to a folder whose files other tools wrote.
    /// </summary>
    Task RecoverAsync(string directory, CancellationToken cancellationToken);

    /// <summary>Deletes a file; a file that is already gone, or whose folder does not exist, is not an error.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken);
}
