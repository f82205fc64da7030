using ProxyThreat.Pipeline.Hdfs;

namespace ProxyThreat.Pipeline.Spot;

/// <summary>
/// Spot's HDFS home (<c>Spot:Root</c>) in the output. The worker creates the folders of Spot's partitions under it,
/// never the home itself: on HDFS a missing home is a wrong <c>Spot:Root</c>, and writing would bury the results in
/// a tree Spot never reads. The local output is a folder the worker owns (empty on a fresh clone), so it creates it.
/// </summary>
public sealed class SpotHome
{
    private readonly IHdfs _hdfs;
    private readonly string _root;
    private readonly HdfsKind _kind;

    public SpotHome(IHdfs hdfs, SpotLayout layout, HdfsKind kind)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _hdfs = hdfs;
        _root = layout.Root;
        _kind = kind;
    }

    /// <summary>
    /// Before a date's first write: throws unless the output is the local one or holds the home as a folder. One
    /// status call when the home is there.
    /// </summary>
    public Task RequireAsync(CancellationToken cancellationToken) =>
        _kind == HdfsKind.Local ? Task.CompletedTask : ProbeAsync(cancellationToken);

    /// <summary>Says what the home is in the output, or throws saying why nothing can be written under it.</summary>
    /// <exception cref="SpotHomeMissingException">The home is not there on HDFS.</exception>
    /// <exception cref="InvalidOperationException">A file stands where the home or one of its parents should be.</exception>
    public async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        var home = await _hdfs.GetStatusAsync(_root, cancellationToken);
        if (home is { IsDirectory: true })
        {
            return $"{_hdfs.Describe(_root)} is a directory";
        }

        // Down from / only now, so that a file anywhere on the way is named rather than taken for a folder not made yet.
        var path = "/";
        foreach (var part in _root.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path = HdfsPath.Combine(path, part);
            var entry = path == _root ? home : await _hdfs.GetStatusAsync(path, cancellationToken);
            if (entry is null)
            {
                break;
            }

            if (!entry.IsDirectory)
            {
                throw new InvalidOperationException($"{_hdfs.Describe(path)} is a file, not a folder, so nothing can be written under Spot:Root {_root}");
            }
        }

        return _kind == HdfsKind.Local
            ? $"{_hdfs.Describe(_root)} does not exist yet; the local output creates it"
            : throw new SpotHomeMissingException(_root, _hdfs.Describe(_root));
    }
}
