namespace ProxyThreat.Pipeline.Tables;

/// <summary>A table file that cannot be read as the table it stands in.</summary>
public sealed class TableFormatException : Exception
{
    public TableFormatException(string path, string message, Exception? innerException = null)
        : base($"{path}: {message}", innerException)
    {
        Path = path;
    }

    public string Path { get; }
}
