using System.Text.RegularExpressions;
using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Story;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.Output;

/// <summary>
/// Writes one investigation where Spot reads it: the incident-progression file, then the storyboard row, then
/// the timeline rows (FORMATS.md section 4 steps 5 to 7).
/// </summary>
/// <remarks>
/// Every file is written under a hidden temporary name and renamed into view in one step, so no reader sees a
/// half-written file. A threat's rows live in a file of their own, <c>proxythreat-&lt;md5&gt;.parquet</c>; rows
/// of other URIs are never rewritten, except to take the threat's own rows out of a file another tool wrote,
/// and then the file is replaced in one step by a copy holding every other row. So a run killed at any
/// moment can leave a threat's rows twice (until its next run) but never loses another URI's row. On HDFS it
/// never creates Spot's home (see <see cref="SpotHome"/>): a date is written only after
/// <see cref="RequireHomeAsync"/> found it.
/// </remarks>
public sealed partial class SpotWriter
{
    private const string OwnPrefix = "proxythreat-";
    private const string TempMarker = ".proxythreat-";
    private static readonly TimeSpan CancelledCleanup = TimeSpan.FromSeconds(5);

    private readonly IHdfs _hdfs;
    private readonly SpotLayout _layout;
    private readonly SpotHome _home;
    private readonly PartitionLocks _locks = new();

    /// <param name="hdfs">The output.</param>
    /// <param name="layout">Where Spot keeps its tables and files.</param>
    /// <param name="kind">Which output <paramref name="hdfs"/> is: on HDFS, Spot's home must exist before anything is written.</param>
    public SpotWriter(IHdfs hdfs, SpotLayout layout, HdfsKind kind)
    {
        _hdfs = hdfs;
        _layout = layout;
        _home = new SpotHome(hdfs, layout, kind);
    }

    /// <summary>Where the outputs of a date go, for messages to operators.</summary>
    public string Describe(DateOnly date) => _hdfs.Describe(_layout.IncidentProgressionDirectory(date));

    /// <summary>Where Spot's home is in the output, for messages about outputs of several dates.</summary>
    public string DescribeHome() => _hdfs.Describe(_layout.Root);

    /// <summary>Where <see cref="WriteAsync"/> puts a threat's outputs.</summary>
    /// <param name="date">The date.</param>
    /// <param name="uri">The threat's URI.</param>
    /// <param name="hasTimeline">Whether the threat has timeline rows, without which it has no timeline file.</param>
    public ThreatOutputs Locate(DateOnly date, string uri, bool hasTimeline)
    {
        var own = $"{OwnPrefix}{SpotLayout.Md5(uri)}.parquet";
        return new ThreatOutputs(
            _layout.IncidentProgressionPath(date, uri),
            HdfsPath.Combine(SpotLayout.OaPartition(_layout.StoryboardTable, date), own),
            hasTimeline ? HdfsPath.Combine(SpotLayout.OaPartition(_layout.TimelineTable, date), own) : null);
    }

    /// <summary>
    /// Proves Spot's home there before a date's threats are written (one status call; nothing on the local output).
    /// Throws <see cref="SpotHomeMissingException"/> when it is not.
    /// </summary>
    public Task RequireHomeAsync(CancellationToken cancellationToken) => _home.RequireAsync(cancellationToken);

    /// <summary>Writes one threat's outputs; call <see cref="RequireHomeAsync"/> once for its date first.</summary>
    public async Task WriteAsync(DateOnly date, ThreatStory story, ThreatAnalysis analysis, CancellationToken cancellationToken)
    {
        var uri = analysis.Uri;
        var md5 = SpotLayout.Md5(uri);
        var progression = _layout.IncidentProgressionPath(date, uri);
        await ReplaceFileAsync(progression, md5, (stream, ct) => IncidentProgression.WriteAsync(stream, analysis, story.Origin, ct), cancellationToken);

        await ReplaceThreatRowsAsync(SpotTables.Storyboard, _layout.StoryboardTable, date, uri, [[uri, story.Title, story.Text]], cancellationToken);

        var timeline = analysis.Timeline
            .Select(t => new object?[] { t.Threat, t.Start, t.End, t.Duration, t.ClientIp, t.ResponseCode, t.ResponseCodeName })
            .ToList();
        await ReplaceThreatRowsAsync(SpotTables.Timeline, _layout.TimelineTable, date, uri, timeline, cancellationToken);
    }

    /// <summary>Writes a date's HTML report beside its incident files, replacing any earlier one in one step.</summary>
    /// <remarks>
    /// Its temporary names carry <c>report</c> where a threat's carry the threat's md5. It proves Spot's home
    /// itself: a report follows a date's failures too, and must not create the home they failed on.
    /// </remarks>
    public async Task WriteReportAsync(DateOnly date, byte[] html, CancellationToken cancellationToken)
    {
        await RequireHomeAsync(cancellationToken);
        await ReplaceFileAsync(_layout.ReportPath(date), "report", HdfsExtensions.Writing(html), cancellationToken);
    }

    private async Task ReplaceThreatRowsAsync(TableSchema schema, string table, DateOnly date, string uri, List<object?[]> rows, CancellationToken cancellationToken)
    {
        var md5 = SpotLayout.Md5(uri);
        var partition = SpotLayout.OaPartition(table, date);
        using var held = await _locks.AcquireAsync(partition, cancellationToken);

        // Other URIs' rows that an interrupted replacement left under a hidden backup name are put back first,
        // whichever threat's run comes next: a file of another tool is otherwise never renamed to again.
        var folders = await PartitionFinder.FindDayAsync(_hdfs, table, date, cancellationToken);
        foreach (var folder in folders)
        {
            await _hdfs.RecoverAsync(folder, cancellationToken);
        }

        var own = HdfsPath.Combine(partition, $"{OwnPrefix}{md5}.parquet");
        if (rows.Count > 0)
        {
            await ReplaceFileAsync(own, md5, HdfsExtensions.Writing(await TableFile.EncodeAsync(own, schema, rows, cancellationToken)), cancellationToken);
        }

        // A partition folder that does not exist yet (no row of the date so far) lists as empty.
        var files = await PartitionFinder.FilesAsync(_hdfs, folders, cancellationToken);
        if (rows.Count == 0 && files.Any(f => f.Path == own))
        {
            await _hdfs.DeleteAsync(own, cancellationToken);
        }

        foreach (var file in files)
        {
            if (file.Path != own && !IsOwnFileOfAnotherUri(file.Name))
            {
                await RemoveThreatRowsAsync(schema, file.Path, uri, md5, cancellationToken);
            }
        }
    }

    /// <summary>Takes the threat's rows out of a file some other tool wrote, keeping every other row as it was.</summary>
    private async Task RemoveThreatRowsAsync(TableSchema schema, string path, string uri, string md5, CancellationToken cancellationToken)
    {
        TableContent content;
        await using (var stream = await _hdfs.OpenAsync(path, cancellationToken))
        {
            content = await TableFile.ReadAsync(stream, schema, _hdfs.Describe(path), cancellationToken);
        }

        var kept = content.Rows.Where(r => !string.Equals(r[0] as string, uri, StringComparison.Ordinal)).ToList();
        if (kept.Count == content.Rows.Count)
        {
            return;
        }

        if (!content.MatchesSchema)
        {
            throw new TableFormatException(
                _hdfs.Describe(path),
                $"holds rows for {uri} but its columns differ from table {schema.Name}'s, so rewriting it could lose data; fix or remove the file by hand");
        }

        await ReplaceFileAsync(path, md5, HdfsExtensions.Writing(await TableFile.EncodeAsync(path, schema, kept, cancellationToken)), cancellationToken);
    }

    /// <summary>Writes under a hidden name beside the target, then renames over the target in one step.</summary>
    private async Task ReplaceFileAsync(string path, string md5, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var folder = HdfsPath.Parent(path);
        var name = HdfsPath.Name(path);
        var prefix = $".{name}{TempMarker}{md5}-";

        // Leftovers of this threat's runs that were killed before their rename.
        foreach (var stale in (await _hdfs.ListAsync(folder, cancellationToken)).Where(e => e.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            await _hdfs.DeleteAsync(stale.Path, cancellationToken);
        }

        var temp = HdfsPath.Combine(folder, $"{prefix}{Guid.NewGuid():N}.tmp");
        try
        {
            await _hdfs.CreateAsync(temp, write, cancellationToken);
            await _hdfs.RenameAsync(temp, path, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A stopped run takes its half-written file with it (a kill cannot; the next run sweeps that). Briefly:
            // the stop must not wait on a slow store, and a delete that fails leaves the same sweep to do.
            using var cleanup = new CancellationTokenSource(CancelledCleanup);
            await _hdfs.DeleteAsync(temp, cleanup.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
    }

    private static bool IsOwnFileOfAnotherUri(string name) => OwnFileName().IsMatch(name);

    [GeneratedRegex("^proxythreat-[0-9a-f]{32}\\.parquet$")]
    private static partial Regex OwnFileName();
}
