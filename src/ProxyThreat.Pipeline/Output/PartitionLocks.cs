using System.Collections.Concurrent;

namespace ProxyThreat.Pipeline.Output;

/// <summary>One lock per partition folder, so concurrent threats of a date rewrite a partition one at a time.</summary>
internal sealed class PartitionLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string partition, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(partition, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
