using System.Buffers.Text;
using System.Globalization;
using Encoding = System.Text.Encoding;
using ParquetSharp;
using ProxyThreat.Pipeline.Search;

namespace ProxyThreat.Pipeline.Sources.Tables.Internal;

/// <summary>
/// One flat column of a row group, read with ParquetSharp's column reader a page's worth of rows at a time
/// (at most <see cref="ChunkRows"/>), each value as Spot's DDL types the column: text (a byte array, or an
/// integer written out) or int. Nothing is made a string, boxed or copied unless asked for; a value's bytes
/// lie in the reader's page or dictionary and are used before the next chunk is read.
/// </summary>
internal sealed unsafe class ParquetColumn : IDisposable
{
    public const int ChunkRows = 4096;

    private readonly short[] _definitions = new short[ChunkRows];
    private readonly int[] _valueOf = new int[ChunkRows];
    private readonly byte[] _digits = new byte[20];
    private ByteArray[] _bytes = [];
    private int[] _ints = [];
    private long[] _longs = [];
    private ColumnReader? _reader;
    private string _name = string.Empty;
    private PhysicalType _type;
    private bool _unsigned;
    private bool _optional;
    private bool _dense;

    /// <summary>Starts reading a column of a row group; disposing the column ends it, and the buffers stay for the next.</summary>
    public ParquetColumn Open(RowGroupReader group, int index, string name)
    {
        Dispose();
        var reader = group.Column(index);
        var descriptor = reader.ColumnDescriptor;
        using var logical = descriptor.LogicalType;
        var readable = descriptor.MaxRepetitionLevel == 0 && (descriptor.PhysicalType, logical.Type) switch
        {
            (PhysicalType.ByteArray, LogicalTypeEnum.None or LogicalTypeEnum.String or LogicalTypeEnum.Enum or LogicalTypeEnum.Json or LogicalTypeEnum.Bson) => true,
            (PhysicalType.Int32 or PhysicalType.Int64, LogicalTypeEnum.None or LogicalTypeEnum.Int) => true,
            _ => false,
        };
        if (!readable)
        {
            var type = descriptor.MaxRepetitionLevel == 0 ? $"{descriptor.PhysicalType} ({logical.Type})" : "a repeated field";
            reader.Dispose();
            throw new NotSupportedException($"column {name} is {type}, which is not a string or an integer");
        }

        (_reader, _name, _type) = (reader, name, descriptor.PhysicalType);
        _unsigned = logical is IntLogicalType { IsSigned: false };
        _optional = descriptor.MaxDefinitionLevel > 0;
        switch (_type)
        {
            case PhysicalType.ByteArray when _bytes.Length == 0:
                _bytes = new ByteArray[ChunkRows];
                break;
            case PhysicalType.Int32 when _ints.Length == 0:
                _ints = new int[ChunkRows];
                break;
            case PhysicalType.Int64 when _longs.Length == 0:
                _longs = new long[ChunkRows];
                break;
        }

        return this;
    }

    /// <summary>The row group's row at which the chunk in hand begins.</summary>
    public long Position { get; private set; }

    /// <summary>The rows of the chunk in hand.</summary>
    public int Count { get; private set; }

    /// <summary>Reads the next chunk: the rows that follow, up to <see cref="ChunkRows"/> and the end of a page; false at the column's end.</summary>
    public bool Next()
    {
        Position += Count;
        Count = 0;
        if (_reader is not { HasNext: true })
        {
            return false;
        }

        long values;
        var reader = _reader;
        var definitions = _optional ? _definitions.AsSpan() : [];
        Count = checked((int)(_type switch
        {
            PhysicalType.ByteArray => ((ColumnReader<ByteArray>)reader).ReadBatch(ChunkRows, definitions, [], _bytes, out values),
            PhysicalType.Int32 => ((ColumnReader<int>)reader).ReadBatch(ChunkRows, definitions, [], _ints, out values),
            _ => ((ColumnReader<long>)reader).ReadBatch(ChunkRows, definitions, [], _longs, out values),
        }));
        _dense = values == Count;
        if (!_dense)
        {
            // Values come packed, nulls left out: each row's value is found by counting the rows that have one.
            var next = 0;
            for (var row = 0; row < Count; row++)
            {
                _valueOf[row] = _definitions[row] > 0 ? next++ : -1;
            }
        }

        return Count > 0;
    }

    /// <summary>Makes the chunk in hand the one holding <paramref name="row"/>, skipping what lies before it.</summary>
    public void MoveTo(long row)
    {
        while (row >= Position + Count)
        {
            var end = Position + Count;
            if (row - end > ChunkRows)
            {
                var skipped = _reader!.Skip(row - end);
                Position = end + skipped;
                Count = 0;
                if (skipped == 0)
                {
                    throw new InvalidDataException($"column {_name} ends before row {row} of its row group");
                }
            }
            else if (!Next())
            {
                throw new InvalidDataException($"column {_name} ends before row {row} of its row group");
            }
        }
    }

    public bool IsNull(int row) => !_dense && _valueOf[row] < 0;

    /// <summary>A row's value as UTF-8 text: a byte array as it is, an integer written out; valid until the next call. The row must not be null.</summary>
    public ReadOnlySpan<byte> Utf8(int row)
    {
        var value = _dense ? row : _valueOf[row];
        int written;
        switch (_type)
        {
            case PhysicalType.ByteArray:
                var bytes = _bytes[value];
                return new ReadOnlySpan<byte>((void*)bytes.Pointer, bytes.Length);
            case PhysicalType.Int32:
                _ = _unsigned ? Utf8Formatter.TryFormat((uint)_ints[value], _digits, out written) : Utf8Formatter.TryFormat(_ints[value], _digits, out written);
                break;
            default:
                _ = _unsigned ? Utf8Formatter.TryFormat((ulong)_longs[value], _digits, out written) : Utf8Formatter.TryFormat(_longs[value], _digits, out written);
                break;
        }

        return _digits.AsSpan(0, written);
    }

    /// <summary>The id in <paramref name="table"/> of a row's text (<see cref="TextTable.Null"/> for a null); bytes that are not UTF-8 count as the string they decode to.</summary>
    public int IdIn(int row, TextTable table) => IsNull(row) ? TextTable.Null : table.IdOf(Utf8(row));

    /// <summary>A row's value as an int; null counts 0, as the timeline sums durations.</summary>
    public int Int(int row)
    {
        if (IsNull(row))
        {
            return 0;
        }

        var value = _dense ? row : _valueOf[row];
        return _type switch
        {
            PhysicalType.Int32 => _unsigned ? checked((int)(uint)_ints[value]) : _ints[value],
            PhysicalType.Int64 => _unsigned ? checked((int)(ulong)_longs[value]) : checked((int)_longs[value]),
            _ => Utf8(row) is { Length: > 0 } text ? int.Parse(Encoding.UTF8.GetString(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0,
        };
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _reader = null;
        (Position, Count) = (0, 0);
    }
}
