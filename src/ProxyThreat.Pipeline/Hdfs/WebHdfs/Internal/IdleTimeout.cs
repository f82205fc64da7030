namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>
/// The deadline of one HTTP exchange that moves on with every byte of a body: an exchange fails when nothing
/// moved for the limit, however long the whole transfer takes. A stalled DataNode cannot hold a call forever,
/// and a large, slow but steady one is not cut off.
/// </summary>
internal sealed class IdleTimeout : IDisposable
{
    private readonly CancellationTokenSource _idle;
    private readonly CancellationTokenSource _linked;
    private readonly TimeSpan _limit;

    public IdleTimeout(TimeSpan limit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _limit = limit;
        _idle = new CancellationTokenSource(limit, timeProvider);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _idle.Token);
    }

    /// <summary>Cancelled when the limit passes with no progress, or when the caller cancels.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>True when the exchange was cancelled because nothing moved for the limit.</summary>
    public bool Expired => _idle.IsCancellationRequested;

    public TimeSpan Limit => _limit;

    /// <summary>Bytes moved: the limit starts again.</summary>
    public void Progress()
    {
        if (!_idle.IsCancellationRequested)
        {
            _idle.CancelAfter(_limit);
        }
    }

    public void Dispose()
    {
        _linked.Dispose();
        _idle.Dispose();
    }
}
