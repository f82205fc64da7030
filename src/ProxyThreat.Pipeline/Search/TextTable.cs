using System.Buffers;
using System.Text;
using System.Text.Unicode;
using ProxyThreat.Pipeline.Search.Internal;

namespace ProxyThreat.Pipeline.Search;

/// <summary>
/// The distinct texts of one column of an expanded search, each held once and numbered from 1 in the order
/// first seen; 0 stands for null. Looked up by their UTF-8 bytes, so a source can find a value's id without
/// making a string of it: a million rows repeating a few hundred texts make a few hundred strings. A text the
/// same as the one looked up last (rows of one URI, one method) is answered without hashing.
/// </summary>
public sealed class TextTable
{
    public const int Null = 0;

    private readonly Dictionary<byte[], int> _ids;
    private readonly Dictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly List<string?> _texts = [null];
    private readonly List<byte[]?> _utf8 = [null];
    private byte[] _last = [];
    private int _lastId = -1;

    public TextTable()
    {
        _ids = new Dictionary<byte[], int>(Utf8Comparer.Instance);
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>How many ids there are, counting the one of null.</summary>
    public int Count => _texts.Count;

    public string? this[int id] => _texts[id];

    /// <summary>The id of a text given as UTF-8, adding it when new; bytes that are not UTF-8 count as the string they decode to.</summary>
    public int IdOf(ReadOnlySpan<byte> utf8) => IdOf(utf8, null);

    /// <summary>The id of a text, adding it when new; null is <see cref="Null"/>.</summary>
    public int IdOf(string? text) => text is null ? Null : WithUtf8(text, (Table: this, Text: text), static (utf8, state) => state.Table.IdOf(utf8, state.Text));

    /// <summary>The id here of the text that has <paramref name="id"/> in <paramref name="other"/>, adding it when new.</summary>
    public int IdOf(TextTable other, int id)
    {
        ArgumentNullException.ThrowIfNull(other);
        return id == Null ? Null : IdOf(other._utf8[id], other._texts[id]);
    }

    /// <summary>The id of a text, or -1 when no row holds it.</summary>
    public int Find(string text) => WithUtf8(text, this, static (utf8, table) => table._lookup.TryGetValue(utf8, out var id) ? id : -1);

    /// <param name="utf8">The text's bytes.</param>
    /// <param name="text">The same as a string, when the caller has one, so that it is not made again.</param>
    private int IdOf(ReadOnlySpan<byte> utf8, string? text)
    {
        if (_lastId >= 0 && utf8.SequenceEqual(_last))
        {
            return _lastId;
        }

        if (!_lookup.TryGetValue(utf8, out var key, out var id))
        {
            if (text is null && !Utf8.IsValid(utf8))
            {
                // Held under the bytes of the string they decode to, so that two spellings of one string share an id.
                return IdOf(Encoding.UTF8.GetString(utf8));
            }

            key = utf8.ToArray();
            id = _texts.Count;
            _texts.Add(text ?? Encoding.UTF8.GetString(key));
            _utf8.Add(key);
            _ids.Add(key, id);
        }

        (_last, _lastId) = (key, id);
        return id;
    }

    private static int WithUtf8<TState>(string text, TState state, Utf8Func<TState> func)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> buffer = rented is null ? stackalloc byte[512] : rented;
            var written = Encoding.UTF8.GetBytes(text, buffer);
            return func(buffer[..written], state);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private delegate int Utf8Func<in TState>(ReadOnlySpan<byte> utf8, TState state);
}
