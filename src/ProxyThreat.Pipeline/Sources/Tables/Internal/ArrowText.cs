using System.Globalization;
using System.Text;
using Apache.Arrow;

namespace ProxyThreat.Pipeline.Sources.Tables.Internal;

/// <summary>
/// One column of a record batch read as Spot's DDL types it (text, or int), value by value for the rows
/// asked for only. A dictionary-encoded column makes the string of each dictionary entry once.
/// </summary>
internal sealed class ArrowText
{
    private readonly string _column;
    private IArrowArray? _array;
    private string?[] _entries = [];
    private int _entryCount;

    public ArrowText(string column)
    {
        _column = column;
    }

    /// <summary>Reads from this batch's array from now on; null for a column the file lacks.</summary>
    public void Use(IArrowArray? array)
    {
        _array = array;
        System.Array.Clear(_entries, 0, _entryCount);
        _entryCount = (array as DictionaryArray)?.Dictionary.Length ?? 0;
        if (_entries.Length < _entryCount)
        {
            // Kept from batch to batch, so that no batch allocates a large array.
            _entries = new string?[_entryCount];
        }
    }

    public string? Text(int row)
    {
        switch (_array)
        {
            case null:
                return null;
            case { } a when a.IsNull(row):
                return null;
            case DictionaryArray dictionary:
                var entry = Index(dictionary.Indices, row);
                return _entries[entry] ??= Plain(dictionary.Dictionary, entry);
            default:
                return Plain(_array, row);
        }
    }

    /// <summary>The value as an int; null counts 0, as the timeline sums durations.</summary>
    public int Int(int row) => _array switch
    {
        null => 0,
        { } a when a.IsNull(row) => 0,
        Int32Array ints => ints.Values[row],
        Int64Array longs => checked((int)longs.Values[row]),
        _ => Text(row) is { Length: > 0 } text ? int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0,
    };

    private string? Plain(IArrowArray array, int row) => array switch
    {
        _ when array.IsNull(row) => null,
        BinaryArray binary => Encoding.UTF8.GetString(binary.GetBytes(row)),
        Int32Array ints => ints.Values[row].ToString(CultureInfo.InvariantCulture),
        Int64Array longs => longs.Values[row].ToString(CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"column {_column} has Arrow type {array.Data.DataType.Name}, which is not a string or an integer"),
    };

    public static int Index(IArrowArray indices, int row) => indices switch
    {
        Int32Array i32 => i32.Values[row],
        Int16Array i16 => i16.Values[row],
        Int8Array i8 => i8.Values[row],
        Int64Array i64 => checked((int)i64.Values[row]),
        UInt8Array u8 => u8.Values[row],
        UInt16Array u16 => u16.Values[row],
        UInt32Array u32 => checked((int)u32.Values[row]),
        _ => throw new NotSupportedException($"dictionary indices of Arrow type {indices.Data.DataType.Name}"),
    };
}
