using System.Collections.Concurrent;
using ProxyThreat.Pipeline.Hdfs;

namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>
/// Real files underneath; records every call, and can stop the process in effect after a number of mutating
/// calls (create, rename, delete) by throwing instead of making the next one.
/// </summary>
public sealed class RecordingHdfs : IHdfs
{
    private readonly IHdfs _inner;
    private int _mutationsLeft;

    public RecordingHdfs(IHdfs inner, int mutationsBeforeCrash = int.MaxValue)
    {
        _inner = inner;
        _mutationsLeft = mutationsBeforeCrash;
    }

    public ConcurrentQueue<string> Calls { get; } = new();

    public string Describe(string path) => _inner.Describe(path);

    public Task<IReadOnlyList<HdfsEntry>> ListAsync(string directory, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"LIST {directory}");
        return _inner.ListAsync(directory, cancellationToken);
    }

    public Task<HdfsEntry?> GetStatusAsync(string path, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"STATUS {path}");
        return _inner.GetStatusAsync(path, cancellationToken);
    }

    public Task<Stream> OpenAsync(string path, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"OPEN {path}");
        return _inner.OpenAsync(path, cancellationToken);
    }

    public Task CreateAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        Mutate($"CREATE {path}");
        return _inner.CreateAsync(path, write, cancellationToken);
    }

    public Task RenameAsync(string source, string destination, CancellationToken cancellationToken)
    {
        Mutate($"RENAME {source} {destination}");
        return _inner.RenameAsync(source, destination, cancellationToken);
    }

    public Task RecoverAsync(string directory, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"RECOVER {directory}");
        return _inner.RecoverAsync(directory, cancellationToken);
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        Mutate($"DELETE {path}");
        return _inner.DeleteAsync(path, cancellationToken);
    }

    private void Mutate(string call)
    {
        if (Interlocked.Decrement(ref _mutationsLeft) < 0)
        {
            throw new SimulatedCrashException(call);
        }

        Calls.Enqueue(call);
    }
}
