using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ProxyThreat.Pipeline.Search.Internal;

/// <summary>
/// Merges blocks whose times overlap into one time order: each block is already in time order, and on equal
/// times the earlier block goes first, so the order stays the order rows were added in. Spilled blocks are
/// read a window at a time, so the merge holds a window per block, not the blocks.
/// </summary>
internal sealed class MergingRowReader : RowReader
{
    private const int WindowRows = 256;
    private const int RunRows = 1024;

    private readonly Cursor[] _cursors;
    private readonly PriorityQueue<int, (long Key, int Block)> _queue = new();
    private readonly SearchRow[] _run = new SearchRow[RunRows];

    public MergingRowReader(List<RowBlock> blocks, SafeFileHandle? file)
    {
        _cursors = new Cursor[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            _cursors[i] = new Cursor(blocks[i], file);
            _queue.Enqueue(i, (_cursors[i].Current.SortKey, i));
        }
    }

    public override ReadOnlySpan<SearchRow> Next()
    {
        var count = 0;
        while (count < RunRows && _queue.TryDequeue(out var block, out _))
        {
            var cursor = _cursors[block];
            _run[count++] = cursor.Current;
            if (cursor.MoveNext())
            {
                _queue.Enqueue(block, (cursor.Current.SortKey, block));
            }
        }

        return _run.AsSpan(0, count);
    }

    private sealed class Cursor
    {
        private readonly RowBlock _block;
        private readonly SafeFileHandle? _file;
        private readonly SearchRow[] _rows;
        private int _windowStart;
        private int _windowCount;
        private int _position;

        public Cursor(RowBlock block, SafeFileHandle? file)
        {
            _block = block;
            _file = file;
            _rows = block.Rows ?? new SearchRow[Math.Min(WindowRows, block.Count)];
            _windowCount = block.Rows is null ? 0 : block.Count;
            Fill();
        }

        public SearchRow Current => _rows[_position - _windowStart];

        public bool MoveNext()
        {
            if (++_position == _block.Count)
            {
                return false;
            }

            Fill();
            return true;
        }

        private void Fill()
        {
            if (_position < _windowStart + _windowCount)
            {
                return;
            }

            _windowStart = _position;
            _windowCount = Math.Min(_rows.Length, _block.Count - _position);
            SpillReads.Read(_file!, MemoryMarshal.AsBytes(_rows.AsSpan(0, _windowCount)), _block.Offset + ((long)_position * SearchRows.RowBytes));
        }
    }
}
