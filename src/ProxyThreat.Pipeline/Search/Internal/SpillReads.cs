using Microsoft.Win32.SafeHandles;

namespace ProxyThreat.Pipeline.Search.Internal;

/// <summary>Reads back what <see cref="SearchRows"/> wrote to its spill file.</summary>
internal static class SpillReads
{
    public static void Read(SafeFileHandle file, Span<byte> destination, long offset)
    {
        while (!destination.IsEmpty)
        {
            var read = RandomAccess.Read(file, destination, offset);
            if (read == 0)
            {
                throw new IOException("the spill file of an expanded search ended early");
            }

            destination = destination[read..];
            offset += read;
        }
    }
}
