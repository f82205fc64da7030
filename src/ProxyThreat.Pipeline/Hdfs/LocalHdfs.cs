namespace ProxyThreat.Pipeline.Hdfs;

/// <summary>A local folder standing for HDFS <c>/</c>.</summary>
public sealed class LocalHdfs : IHdfs
{
    private readonly string _root;

    public LocalHdfs(string root)
    {
        _root = Path.GetFullPath(root);
    }

    public string Describe(string path) => Local(path);

    public Task<IReadOnlyList<HdfsEntry>> ListAsync(string directory, CancellationToken cancellationToken)
    {
        var local = new DirectoryInfo(Local(directory));
        IReadOnlyList<HdfsEntry> entries = !local.Exists
            ? []
            : local.EnumerateFileSystemInfos()
                .Select(i => Entry(directory, i))
                .OfType<HdfsEntry>()
                .OrderBy(e => e.Name, StringComparer.Ordinal)
                .ToList();
        return Task.FromResult(entries);
    }

    // A file renamed away between the listing and its stat (another threat's temporary file, renamed into view
    // by a parallel write) is left out, as an atomic HDFS listing would not have shown it either.
    private static HdfsEntry? Entry(string directory, FileSystemInfo info)
    {
        try
        {
            return new HdfsEntry(HdfsPath.Combine(directory, info.Name), info.Name, info is DirectoryInfo, info is FileInfo f ? f.Length : 0);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public Task<HdfsEntry?> GetStatusAsync(string path, CancellationToken cancellationToken)
    {
        var local = Local(path);
        var name = HdfsPath.Name(path);
        HdfsEntry? entry = Directory.Exists(local) ? new HdfsEntry(path, name, true, 0)
            : File.Exists(local) ? new HdfsEntry(path, name, false, new FileInfo(local).Length)
            : null;
        return Task.FromResult(entry);
    }

    public Task<Stream> OpenAsync(string path, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(Local(path), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true));

    public async Task CreateAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var local = Local(path);
        CreateFolder(Path.GetDirectoryName(local)!);
        await using var stream = new FileStream(local, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await write(stream, cancellationToken);
        await stream.FlushAsync(cancellationToken);

        // Durable before it is renamed into view, so a crash cannot leave a readable name on empty blocks.
        stream.Flush(flushToDisk: true);
    }

    public Task RenameAsync(string source, string destination, CancellationToken cancellationToken)
    {
        var target = Local(destination);
        CreateFolder(Path.GetDirectoryName(target)!);
        File.Move(Local(source), target, overwrite: true);
        return Task.CompletedTask;
    }

    /// <summary>A local rename replaces in one step (rename(2)): it never leaves anything to recover.</summary>
    public Task RecoverAsync(string directory, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(Local(path));
        }
        catch (DirectoryNotFoundException)
        {
            // A missing folder holds no file: deleting from it is done already, as HDFS answers for a missing path.
        }

        return Task.CompletedTask;
    }

    /// <summary>Creates a folder and its parents; a file in the way is named, where .NET says only "could not find a part of the path".</summary>
    private static void CreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (IOException) when (FileInTheWay(folder) is { } file)
        {
            throw new IOException($"cannot create the folder {folder}: {file} is a file, not a folder");
        }
    }

    private static string? FileInTheWay(string folder)
    {
        for (var path = folder; path is not null; path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    private string Local(string path) => Path.Join(_root, HdfsPath.Normalize(path));
}
