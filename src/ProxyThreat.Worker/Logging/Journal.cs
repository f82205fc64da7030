using System.Globalization;
using System.Runtime.InteropServices;

namespace ProxyThreat.Worker.Logging;

/// <summary>
/// Whether standard error is systemd's journal stream. systemd.exec(5): JOURNAL_STREAM holds the device and
/// inode of the stream it connected, so a process compares them with its own standard error; the variable
/// alone is inherited by children whose output goes elsewhere.
/// </summary>
internal static partial class Journal
{
    private const int StandardError = 2;

    public static bool IsOutput { get; } = Matches(Environment.GetEnvironmentVariable("JOURNAL_STREAM"), Identity(StandardError));

    /// <summary>True when <paramref name="journalStream"/> (<c>device:inode</c>, decimal) names the given file.</summary>
    public static bool Matches(string? journalStream, (ulong Device, ulong Inode)? identity) =>
        identity is var (device, inode)
        && journalStream?.Split(':') is [var d, var i]
        && ulong.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var streamDevice) && streamDevice == device
        && ulong.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var streamInode) && streamInode == inode;

    /// <summary>The device (as <c>st_dev</c>) and inode of an open file descriptor; null where they cannot be read.</summary>
    public static (ulong Device, ulong Inode)? Identity(int descriptor)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct statx has one layout on every Linux architecture, unlike struct stat; the empty path means the descriptor itself.
        var buffer = new byte[256];
        try
        {
            if (NativeMethods.Statx(descriptor, [0], NativeMethods.AtEmptyPath, NativeMethods.StatxIno, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without statx (musl before 1.2.5, glibc before 2.28): no journal detection.
            return null;
        }

        var inode = MemoryMarshal.Read<ulong>(buffer.AsSpan(32));
        var major = MemoryMarshal.Read<uint>(buffer.AsSpan(136));
        var minor = MemoryMarshal.Read<uint>(buffer.AsSpan(140));
        return (MakeDevice(major, minor), inode);
    }

    /// <summary>glibc's makedev: how <c>st_dev</c>, which systemd prints, packs a major and minor number.</summary>
    private static ulong MakeDevice(uint major, uint minor) =>
        ((ulong)(major & 0x00000fffu) << 8) | ((ulong)(major & 0xfffff000u) << 32)
        | (minor & 0x000000ffu) | ((ulong)(minor & 0xffffff00u) << 12);

    private static partial class NativeMethods
    {
        public const int AtEmptyPath = 0x1000;
        public const uint StatxIno = 0x100;

        [DllImport("libc.so.6", EntryPoint = "statx", SetLastError = true)]
        public static extern int Statx(int directory, byte[] path, int flags, uint mask, [Out] byte[] buffer);
    }
}
