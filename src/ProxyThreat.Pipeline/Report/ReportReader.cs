using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Report.Internal;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.Report;

/// <summary>
/// Reads back what the output store holds for a date, through the same <see cref="IHdfs"/> the writer uses:
/// the storyboard and timeline partitions and the incident-progression files. It never writes.
/// </summary>
public sealed class ReportReader
{
    private readonly IHdfs _hdfs;
    private readonly SpotLayout _layout;

    public ReportReader(IHdfs hdfs, SpotLayout layout)
    {
        _hdfs = hdfs;
        _layout = layout;
    }

    /// <summary>Where a date's outputs are read, for the page and for messages.</summary>
    public string Describe(DateOnly date) => _hdfs.Describe(_layout.IncidentProgressionDirectory(date));

    /// <summary>
    /// The threats of the date's storyboard, in storyboard order (its files in name order, rows in file order),
    /// one per URI. Where a crash left a URI's row twice, the worker's own file wins: it is the newer.
    /// </summary>
    /// <exception cref="TableFormatException">A storyboard or timeline file cannot be read.</exception>
    public async Task<IReadOnlyList<ThreatReport>> ReadAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var stories = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        var order = new List<string>();
        await foreach (var (file, row) in RowsAsync(SpotTables.Storyboard, _layout.StoryboardTable, date, cancellationToken))
        {
            if (row[0] is not string uri)
            {
                continue;
            }

            if (!stories.ContainsKey(uri))
            {
                order.Add(uri);
                stories[uri] = row;
            }
            else if (file == $"proxythreat-{SpotLayout.Md5(uri)}.parquet")
            {
                stories[uri] = row;
            }
        }

        var timelines = new Dictionary<string, List<TimelineRow>>(StringComparer.Ordinal);
        await foreach (var (_, row) in RowsAsync(SpotTables.Timeline, _layout.TimelineTable, date, cancellationToken))
        {
            if (row[0] is string uri)
            {
                if (!timelines.TryGetValue(uri, out var rows))
                {
                    timelines[uri] = rows = [];
                }

                rows.Add(new TimelineRow(
                    uri, row[1] as string ?? string.Empty, row[2] as string ?? string.Empty, row[3] as long? ?? 0, row[4] as string, row[5] as string, row[6] as string ?? string.Empty));
            }
        }

        var directory = _layout.IncidentProgressionDirectory(date);
        var incidentFiles = (await _hdfs.ListAsync(directory, cancellationToken)).Where(e => !e.IsDirectory).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var threats = new List<ThreatReport>(order.Count);
        foreach (var uri in order)
        {
            var story = stories[uri];
            var timeline = timelines.GetValueOrDefault(uri) ?? [];
            var name = SpotLayout.IncidentProgressionFileName(uri);
            if (!incidentFiles.Contains(name))
            {
                threats.Add(new ThreatReport(uri, story[1] as string, story[2] as string, null, null, $"no incident-progression file ({name})", timeline));
                continue;
            }

            try
            {
                await using var stream = await _hdfs.OpenAsync(HdfsPath.Combine(directory, name), cancellationToken);
                var (summary, origin) = await IncidentProgressionReader.ReadAsync(stream, cancellationToken);
                threats.Add(new ThreatReport(uri, story[1] as string, story[2] as string, origin, summary, null, timeline));
            }
            catch (InvalidDataException ex)
            {
                // Shown on the page in the threat's place: one bad file must not hide the other threats.
                threats.Add(new ThreatReport(uri, story[1] as string, story[2] as string, null, null, $"{name} cannot be read: {ex.Message}", timeline));
            }
        }

        return threats;
    }

    private async IAsyncEnumerable<(string File, object?[] Row)> RowsAsync(TableSchema schema, string table, DateOnly date, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var folders = await PartitionFinder.FindDayAsync(_hdfs, table, date, cancellationToken);
        foreach (var file in await PartitionFinder.FilesAsync(_hdfs, folders, cancellationToken))
        {
            TableContent content;
            await using (var stream = await _hdfs.OpenAsync(file.Path, cancellationToken))
            {
                content = await TableFile.ReadAsync(stream, schema, _hdfs.Describe(file.Path), cancellationToken);
            }

            foreach (var row in content.Rows)
            {
                yield return (file.Name, row);
            }
        }
    }
}
