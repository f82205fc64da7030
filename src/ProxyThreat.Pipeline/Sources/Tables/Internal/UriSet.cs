using System.Text;
using ProxyThreat.Pipeline.Search.Internal;

namespace ProxyThreat.Pipeline.Sources.Tables.Internal;

/// <summary>
/// The URIs searched, numbered, found by their UTF-8 bytes: a raw value is tested without making a string of
/// it, and one whose length no URI has is turned down before it is hashed.
/// </summary>
internal sealed class UriSet
{
    private readonly Dictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly Dictionary<string, int> _byText;
    private readonly bool[] _lengths;

    public UriSet(IReadOnlyList<string> uris)
    {
        var byBytes = new Dictionary<byte[], int>(Utf8Comparer.Instance);
        _byText = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < uris.Count; i++)
        {
            byBytes[Encoding.UTF8.GetBytes(uris[i])] = i;
            _byText[uris[i]] = i;
        }

        _lengths = new bool[byBytes.Keys.Select(k => k.Length + 1).DefaultIfEmpty(0).Max()];
        foreach (var key in byBytes.Keys)
        {
            _lengths[key.Length] = true;
        }

        _lookup = byBytes.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>The URI's number, or -1 when the value is none of them.</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8) =>
        utf8.Length < _lengths.Length && _lengths[utf8.Length] && _lookup.TryGetValue(utf8, out var index) ? index : -1;

    public int IndexOf(string? text) => text is not null && _byText.TryGetValue(text, out var index) ? index : -1;
}
