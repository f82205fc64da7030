namespace ProxyThreat.Pipeline.Hdfs;

/// <summary>Absolute, slash-separated HDFS paths.</summary>
public static class HdfsPath
{
    public static string Combine(string directory, string name) => directory.TrimEnd('/') + "/" + name;

    public static string Parent(string path)
    {
        var cut = path.TrimEnd('/').LastIndexOf('/');
        return cut <= 0 ? "/" : path[..cut];
    }

    public static string Name(string path) => path.TrimEnd('/')[(path.TrimEnd('/').LastIndexOf('/') + 1)..];

    /// <summary>Checks that a path is absolute and has no <c>.</c> or <c>..</c> segments, and returns it without a trailing slash.</summary>
    public static string Normalize(string path)
    {
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"HDFS path '{path}' is not absolute", nameof(path));
        }

        if (path.Split('/').Any(s => s is "." or ".."))
        {
            throw new ArgumentException($"HDFS path '{path}' has a '.' or '..' segment", nameof(path));
        }

        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    /// <summary>True for names Hive and Impala skip: work in progress and metadata.</summary>
    public static bool IsHidden(string name) =>
        name.StartsWith('_') || name.StartsWith('.')
        || name.EndsWith(".tmp", StringComparison.Ordinal) || name.EndsWith(".copying", StringComparison.Ordinal);
}
