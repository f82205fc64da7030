using System.IO.Hashing;
using System.Security.Cryptography;

namespace ProxyThreat.Pipeline.Search.Internal;

/// <summary>
/// Compares UTF-8 keys by their bytes, and lets a dictionary of them be searched with a span. Keys are hashed
/// with XXH3, several times faster than <see cref="HashCode.AddBytes"/> on texts of a URI's length, under a seed
/// drawn per process, as <see cref="HashCode"/> is seeded.
/// </summary>
internal sealed class Utf8Comparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    private static readonly long Seed = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long)));

    public static Utf8Comparer Instance { get; } = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate) => unchecked((int)XxHash3.HashToUInt64(alternate, Seed));

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
}
