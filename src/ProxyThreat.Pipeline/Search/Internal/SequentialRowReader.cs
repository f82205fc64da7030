using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ProxyThreat.Pipeline.Search.Internal;

/// <summary>Reads the blocks one after the other: each block whole, from memory or from the spill file.</summary>
internal sealed class SequentialRowReader : RowReader
{
    private readonly List<RowBlock> _blocks;
    private readonly SafeFileHandle? _file;
    private SearchRow[]? _buffer;
    private int _next;

    public SequentialRowReader(List<RowBlock> blocks, SafeFileHandle? file)
    {
        _blocks = blocks;
        _file = file;
    }

    public override ReadOnlySpan<SearchRow> Next()
    {
        if (_next == _blocks.Count)
        {
            return [];
        }

        var block = _blocks[_next++];
        if (block.Rows is { } rows)
        {
            return rows.AsSpan(0, block.Count);
        }

        _buffer ??= new SearchRow[SearchRows.BlockRows];
        var span = _buffer.AsSpan(0, block.Count);
        SpillReads.Read(_file!, MemoryMarshal.AsBytes(span), block.Offset);
        return span;
    }
}
