using System.Globalization;
using ProxyThreat.Pipeline.Hdfs;

namespace ProxyThreat.Pipeline.Spot;

/// <summary>Finds a date's partition folders whether their values are zero-padded (<c>m=07</c>) or not (<c>m=7</c>).</summary>
public static class PartitionFinder
{
    /// <summary>The folders <c>table/y=../m=../d=..</c> of a date, in name order.</summary>
    public static async Task<IReadOnlyList<string>> FindDayAsync(IHdfs hdfs, string table, DateOnly date, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> level = [table];
        foreach (var (key, value) in new[] { ("y", date.Year), ("m", date.Month), ("d", date.Day) })
        {
            level = await ChildrenAsync(hdfs, level, key, v => v == value, cancellationToken);
        }

        return level;
    }

    /// <summary>
    /// Throws <see cref="MissingTableException"/> when the table's folder does not exist: listing it would find no
    /// partition, and a wrong root would look like days without data.
    /// </summary>
    /// <param name="hdfs">Where the table lives.</param>
    /// <param name="table">The table's folder.</param>
    /// <param name="fix">Which settings say where the table is, for the message.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    public static async Task RequireTableAsync(IHdfs hdfs, string table, string fix, CancellationToken cancellationToken)
    {
        var name = HdfsPath.Name(table);
        if (!(await hdfs.ListAsync(HdfsPath.Parent(table), cancellationToken)).Any(e => e.IsDirectory && e.Name == name))
        {
            throw new MissingTableException(hdfs.Describe(table), fix);
        }
    }

    /// <summary>The hour folders <c>h=..</c> under the given day folders, in hour order.</summary>
    public static async Task<IReadOnlyList<string>> FindHoursAsync(IHdfs hdfs, IReadOnlyList<string> days, CancellationToken cancellationToken)
    {
        var hours = await ChildrenAsync(hdfs, days, "h", v => v is >= 0 and <= 23, cancellationToken);
        return hours.OrderBy(h => Value(HdfsPath.Name(h))).ThenBy(h => h, StringComparer.Ordinal).ToList();
    }

    /// <summary>The visible data files of the given folders: Hive and Impala skip the hidden ones, and so do we.</summary>
    public static async Task<IReadOnlyList<HdfsEntry>> FilesAsync(IHdfs hdfs, IReadOnlyList<string> folders, CancellationToken cancellationToken)
    {
        var files = new List<HdfsEntry>();
        foreach (var folder in folders)
        {
            files.AddRange((await hdfs.ListAsync(folder, cancellationToken)).Where(e => !e.IsDirectory && !HdfsPath.IsHidden(e.Name)));
        }

        return files;
    }

    private static async Task<IReadOnlyList<string>> ChildrenAsync(IHdfs hdfs, IReadOnlyList<string> parents, string key, Func<int, bool> accept, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        foreach (var parent in parents)
        {
            foreach (var entry in await hdfs.ListAsync(parent, cancellationToken))
            {
                if (entry.IsDirectory && entry.Name.StartsWith(key + "=", StringComparison.Ordinal) && Value(entry.Name) is { } v && accept(v))
                {
                    found.Add(entry.Path);
                }
            }
        }

        return found;
    }

    private static int? Value(string name) =>
        int.TryParse(name.AsSpan(name.IndexOf('=') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}
