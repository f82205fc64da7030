using System.Text;
using ProxyThreat.Pipeline.IO;

namespace ProxyThreat.Pipeline.Sources.GraphQL.Internal;

/// <summary>A pass-through that keeps the first bytes of an answer, to quote them when it is not what was expected.</summary>
internal sealed class BeginningKeepingStream : ReadOnlyStreamWrapper
{
    private readonly byte[] _beginning;
    private int _kept;

    public BeginningKeepingStream(Stream inner, int bytes)
        : base(inner)
    {
        _beginning = new byte[bytes];
    }

    /// <summary>The first bytes read, as text.</summary>
    public string Beginning => Encoding.UTF8.GetString(_beginning, 0, _kept).Trim();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer, cancellationToken);
        Keep(buffer.Span[..read]);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = Inner.Read(buffer, offset, count);
        Keep(buffer.AsSpan(offset, read));
        return read;
    }

    private void Keep(ReadOnlySpan<byte> read)
    {
        var room = _beginning.Length - _kept;
        if (room > 0)
        {
            var taken = Math.Min(room, read.Length);
            read[..taken].CopyTo(_beginning.AsSpan(_kept));
            _kept += taken;
        }
    }
}
