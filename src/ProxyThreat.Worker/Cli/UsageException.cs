namespace ProxyThreat.Worker.Cli;

/// <summary>A command line or configuration the worker cannot run with; exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
