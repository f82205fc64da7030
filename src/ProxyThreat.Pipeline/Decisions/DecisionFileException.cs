namespace ProxyThreat.Pipeline.Decisions;

/// <summary>A decisions file that cannot be read; names the file and the line.</summary>
public sealed class DecisionFileException : Exception
{
    public DecisionFileException(string path, int line, string message, Exception? innerException = null)
        : base(line > 0 ? $"{path}:{line}: {message}" : $"{path}: {message}", innerException)
    {
        Path = path;
        Line = line;
    }

    public string Path { get; }

    public int Line { get; }
}
