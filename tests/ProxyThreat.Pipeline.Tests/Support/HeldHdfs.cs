using System.Collections.Concurrent;
using ProxyThreat.Pipeline.Hdfs;

namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>
/// Real files underneath. Once held, every write waits inside its file (the hidden temporary file already made)
/// until its run is cancelled; it counts the calls in flight, and refuses and keeps every call made after it is closed.
/// </summary>
public sealed class HeldHdfs : IHdfs
{
    private readonly IHdfs _inner;
    private volatile bool _held;
    private volatile bool _closed;
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;

    public HeldHdfs(IHdfs inner)
    {
        _inner = inner;
    }

    /// <summary>The calls made after <see cref="Close"/>.</summary>
    public ConcurrentQueue<string> Late { get; } = new();

    /// <summary>From now on, writes wait until their run is cancelled; completes once one does.</summary>
    public Task HoldAsync()
    {
        _held = true;
        return _holding.Task;
    }

    /// <summary>Refuses every later call, and says how many calls are still in flight.</summary>
    public int Close()
    {
        _closed = true;
        return Volatile.Read(ref _inFlight);
    }

    public string Describe(string path) => _inner.Describe(path);

    public Task<IReadOnlyList<HdfsEntry>> ListAsync(string directory, CancellationToken cancellationToken) =>
        TrackAsync($"LIST {directory}", () => _inner.ListAsync(directory, cancellationToken));

    public Task<HdfsEntry?> GetStatusAsync(string path, CancellationToken cancellationToken) =>
        TrackAsync($"STATUS {path}", () => _inner.GetStatusAsync(path, cancellationToken));

    public Task<Stream> OpenAsync(string path, CancellationToken cancellationToken) =>
        TrackAsync($"OPEN {path}", () => _inner.OpenAsync(path, cancellationToken));

    public Task CreateAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        TrackAsync($"CREATE {path}", async () =>
        {
            await _inner.CreateAsync(
                path,
                async (stream, token) =>
                {
                    if (_held)
                    {
                        await UntilCancelledAsync(token);
                    }

                    await write(stream, token);
                },
                cancellationToken);
            return true;
        });

    public Task RenameAsync(string source, string destination, CancellationToken cancellationToken) =>
        TrackAsync($"RENAME {source} {destination}", async () =>
        {
            await _inner.RenameAsync(source, destination, cancellationToken);
            return true;
        });

    public Task RecoverAsync(string directory, CancellationToken cancellationToken) =>
        TrackAsync($"RECOVER {directory}", async () =>
        {
            await _inner.RecoverAsync(directory, cancellationToken);
            return true;
        });

    public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        TrackAsync($"DELETE {path}", async () =>
        {
            await _inner.DeleteAsync(path, cancellationToken);
            return true;
        });

    private async Task UntilCancelledAsync(CancellationToken token)
    {
        _holding.TrySetResult();
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = token.Register(() => cancelled.TrySetCanceled(token));
        await cancelled.Task;
    }

    private async Task<T> TrackAsync<T>(string call, Func<Task<T>> operation)
    {
        if (_closed)
        {
            Late.Enqueue(call);
            throw new InvalidOperationException($"{call} after the run ended");
        }

        Interlocked.Increment(ref _inFlight);
        try
        {
            return await operation();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
