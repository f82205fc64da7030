using System.Buffers;
using System.Threading.Channels;
using ProxyThreat.Pipeline.IO;

namespace ProxyThreat.Pipeline.Sources.GraphQL.Internal;

/// <summary>
/// Reads an answer body ahead of its reader, on another thread, into a few pooled chunks: receiving and
/// parsing a large answer overlap instead of taking turns. Holds at most <see cref="Chunks"/> chunks; a
/// failure of the body surfaces at the read that reaches it.
/// </summary>
internal sealed class ReadAheadStream : ReadOnlyStreamWrapper
{
    private const int ChunkSize = 256 * 1024;
    private const int Chunks = 4;

    private readonly Channel<(byte[] Buffer, int Count)> _chunks = Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(Chunks) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private byte[]? _current;
    private int _offset;
    private int _count;
    private bool _stopped;

    public ReadAheadStream(Stream inner)
        : base(inner)
    {
        _pump = Task.Run(PumpAsync);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_current is null || _offset == _count)
        {
            Release();
            if (!await _chunks.Reader.WaitToReadAsync(cancellationToken))
            {
                // Ended: rethrows a failure of the body, or answers the end.
                await _chunks.Reader.Completion;
                return 0;
            }

            (_current, _count) = await _chunks.Reader.ReadAsync(cancellationToken);
            _offset = 0;
        }

        var n = Math.Min(buffer.Length, _count - _offset);
        _current.AsMemory(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask DisposeAsync()
    {
        await StopAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            StopAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    /// <summary>Stops the read-ahead and gives its chunks back, once; the body itself closes with the base class.</summary>
    private async ValueTask StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _stop.CancelAsync();
        await _pump;
        Release();
        while (_chunks.Reader.TryRead(out var chunk))
        {
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }

        _stop.Dispose();
    }

    private void Release()
    {
        if (_current is not null)
        {
            ArrayPool<byte>.Shared.Return(_current);
            _current = null;
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            while (true)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
                var read = await Inner.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, _stop.Token);
                if (read == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                await _chunks.Writer.WriteAsync((buffer, read), _stop.Token);
            }

            _chunks.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            // Not lost: the reader meets it at its next read (a stop by DisposeAsync has no reader left).
            _chunks.Writer.TryComplete(ex);
        }
    }
}
