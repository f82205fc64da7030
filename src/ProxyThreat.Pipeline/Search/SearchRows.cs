using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using ProxyThreat.Pipeline.Search.Internal;

namespace ProxyThreat.Pipeline.Search;

/// <summary>
/// The rows of one expanded search as compact columns: a <see cref="SearchRow"/> of ids per request (36
/// bytes) and one <see cref="TextTable"/> per text column. Rows are added in the source's order, then
/// <see cref="Complete"/>d and read. Past a memory budget, filled blocks of rows move to a file of a
/// <see cref="SpillFolder"/>, so memory stays flat however many rows a search has; the file goes with
/// <see cref="Dispose"/>.
/// </summary>
public sealed class SearchRows : IDisposable
{
    internal const int BlockRows = 8192;

    internal static readonly int RowBytes = Unsafe.SizeOf<SearchRow>();

    private readonly long _memoryBudget;
    private readonly SpillFolder? _spill;
    private readonly List<RowBlock> _blocks = [];
    private SearchRow[] _current = [];
    private readonly Stack<SearchRow[]> _free = new();
    private int _currentCount;
    private long _lastKey = long.MinValue;
    private bool _currentInOrder = true;
    private long _blockBytesInMemory;
    private SafeFileHandle? _file;
    private long _fileLength;
    private bool _completed;

    /// <summary>Rows held in memory, however many.</summary>
    public SearchRows()
        : this(long.MaxValue, null)
    {
    }

    /// <param name="memoryBudget">Bytes of rows to hold in memory before moving them to <paramref name="spill"/>.</param>
    /// <param name="spill">Where rows past the budget go; null holds every row in memory.</param>
    public SearchRows(long memoryBudget, SpillFolder? spill)
    {
        _memoryBudget = memoryBudget;
        _spill = spill;
    }

    public TextTable ClientIps { get; } = new();

    public TextTable FullUris { get; } = new();

    public TextTable Referers { get; } = new();

    public TextTable RequestMethods { get; } = new();

    public TextTable ContentTypes { get; } = new();

    public TextTable ResponseCodes { get; } = new();

    public int Count { get; private set; }

    /// <summary>True once some rows went to a file.</summary>
    public bool IsSpilled => _file is not null;

    public void Add(in SearchRow row)
    {
        if (_completed)
        {
            throw new InvalidOperationException("rows cannot be added to a completed search");
        }

        if (_currentCount == _current.Length)
        {
            Seal(next: true);
        }

        var key = row.SortKey;
        _currentInOrder &= key >= _lastKey;
        _lastKey = key;
        _current[_currentCount++] = row;
        Count++;
    }

    /// <summary>Adds a row given as texts.</summary>
    public void Add(DateTime? time, string? clientIp, string? fullUri, string? referer, string? requestMethod, string? contentType, string? responseCode, int? duration) =>
        Add(time?.Ticks ?? SearchRow.NoTime, clientIp, fullUri, referer, requestMethod, contentType, responseCode, duration ?? 0);

    /// <summary>Adds a row given as texts, its time in ticks or <see cref="SearchRow.NoTime"/>.</summary>
    public void Add(long time, string? clientIp, string? fullUri, string? referer, string? requestMethod, string? contentType, string? responseCode, int duration) =>
        Add(new SearchRow(
            time,
            ClientIps.IdOf(clientIp),
            FullUris.IdOf(fullUri),
            Referers.IdOf(referer),
            RequestMethods.IdOf(requestMethod),
            ContentTypes.IdOf(contentType),
            ResponseCodes.IdOf(responseCode),
            duration));

    /// <summary>Ends the adding; from now on the rows can be read.</summary>
    public SearchRows Complete()
    {
        if (!_completed && _currentCount > 0)
        {
            Seal(next: false);
        }

        _completed = true;
        _current = [];
        _free.Clear();
        return this;
    }

    /// <summary>Every row, in no promised order; the cheapest read, for what order does not change (counts).</summary>
    public RowReader ReadAnyOrder() => new SequentialRowReader(Completed(), _file);

    /// <summary>
    /// Every row in time order, rows without a time first; rows of the same time keep the order they were
    /// added in. Rows that came in time order are read as they are, without sorting.
    /// </summary>
    public RowReader ReadInTimeOrder()
    {
        var blocks = Completed();
        for (var i = 1; i < blocks.Count; i++)
        {
            if (blocks[i].FirstKey < blocks[i - 1].LastKey)
            {
                return new MergingRowReader(blocks, _file);
            }
        }

        return new SequentialRowReader(blocks, _file);
    }

    public void Dispose()
    {
        _file?.Dispose();
        _blocks.Clear();
        _current = [];
        _free.Clear();
    }

    private List<RowBlock> Completed() =>
        _completed ? _blocks : throw new InvalidOperationException("the search's rows are read only once it is complete");

    /// <summary>Closes the block being filled (sorted by time, stably, if it came out of order), and spills past the budget.</summary>
    /// <param name="next">Whether another block is to be filled.</param>
    private void Seal(bool next)
    {
        if (_currentCount > 0)
        {
            if (!_currentInOrder)
            {
                SortStably(_current.AsSpan(0, _currentCount));
            }

            _blocks.Add(new RowBlock(_current, _currentCount));
            _blockBytesInMemory += (long)_current.Length * RowBytes;
            if (_spill is not null && _blockBytesInMemory > _memoryBudget)
            {
                SpillBlocks(_spill);
            }
        }

        // Blocks that went to the file lend their arrays to the next ones: past the budget, memory stays put.
        _current = !next ? [] : _free.Count > 0 ? _free.Pop() : new SearchRow[_current.Length == 0 ? 1024 : Math.Min(_current.Length * 2, BlockRows)];
        _currentCount = 0;
        _currentInOrder = true;
        _lastKey = long.MinValue;
    }

    private void SpillBlocks(SpillFolder spill)
    {
        _file ??= spill.Create();
        foreach (var block in _blocks)
        {
            if (block.Rows is { } rows)
            {
                var bytes = MemoryMarshal.AsBytes(rows.AsSpan(0, block.Count));
                RandomAccess.Write(_file, bytes, _fileLength);
                block.MoveTo(_fileLength);
                _fileLength += bytes.Length;
                _blockBytesInMemory -= (long)rows.Length * RowBytes;
                if (rows.Length == BlockRows)
                {
                    _free.Push(rows);
                }
            }
        }
    }

    private static void SortStably(Span<SearchRow> rows)
    {
        var order = new (long Key, int Index)[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            order[i] = (rows[i].SortKey, i);
        }

        Array.Sort(order);
        var sorted = new SearchRow[rows.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = rows[order[i].Index];
        }

        sorted.CopyTo(rows);
    }
}
