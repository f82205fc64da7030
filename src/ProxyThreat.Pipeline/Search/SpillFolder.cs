using Microsoft.Win32.SafeHandles;

namespace ProxyThreat.Pipeline.Search;

/// <summary>
/// Where expanded searches too large for their memory budget keep their rows: one file per search, locked
/// by the process that writes it and deleted when the search is done. A process that crashed leaves its
/// files unlocked; the next process to use the folder deletes them.
/// </summary>
public sealed class SpillFolder
{
    private const string Prefix = "proxythreat-spill-";

    public SpillFolder(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    /// <summary>The default: <c>proxythreat</c> in the system's temporary folder.</summary>
    public static string DefaultPath => System.IO.Path.Join(System.IO.Path.GetTempPath(), "proxythreat");

    /// <summary>Deletes the files that crashed processes left; answers how many.</summary>
    public int Sweep()
    {
        if (!Directory.Exists(Path))
        {
            return 0;
        }

        var swept = 0;
        foreach (var file in Directory.EnumerateFiles(Path, Prefix + "*"))
        {
            try
            {
                // The lock of a live writer refuses this; a crashed writer's file opens, and goes.
                using var orphan = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                swept++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another live process's search, or already gone.
            }
        }

        return swept;
    }

    /// <summary>A new file, locked against other processes and deleted when the handle closes.</summary>
    public SafeFileHandle Create()
    {
        Directory.CreateDirectory(Path);
        var file = System.IO.Path.Join(Path, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        return File.OpenHandle(file, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
    }
}
