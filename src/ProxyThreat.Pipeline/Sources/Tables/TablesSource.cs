using System.Runtime.CompilerServices;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Search;
using ProxyThreat.Pipeline.Sources.Tables.Internal;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.Sources.Tables;

/// <summary>
/// Reads Spot's Hive tables straight from their folders (Parquet, or CSV stand-ins), as Impala would.
/// The raw partitions of a date are read once for all the URIs searched, and each matching request goes
/// straight to the searches of its fulluri and its referer.
/// </summary>
public sealed class TablesSource : IThreatSource
{
    // A table missing altogether is a wrong location, where a missing date partition is a day without data.
    private const string WhereTheTablesAre = "check Source:Tables:Root (the folder standing for HDFS /) and Spot:Root";

    private readonly IHdfs _hdfs;
    private readonly SpotLayout _layout;

    public TablesSource(IHdfs hdfs, SpotLayout layout)
    {
        _hdfs = hdfs;
        _layout = layout;
    }

    public async Task<IReadOnlyList<ScoredThreat>> GetScoredThreatsAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var schema = SpotTables.ThreatInvestigation;
        await PartitionFinder.RequireTableAsync(_hdfs, _layout.ThreatInvestigationTable, WhereTheTablesAre, cancellationToken);
        var rows = await ReadPartitionAsync(_layout.ThreatInvestigationTable, date, schema, cancellationToken);
        return rows
            .Where(r => !string.IsNullOrEmpty((string?)r[schema.IndexOf("fulluri")]))
            .Select(r => new ScoredThreat((string)r[schema.IndexOf("fulluri")]!, (int?)r[schema.IndexOf("uri_sev")]))
            .ToList();
    }

    public async Task<IReadOnlyList<StoryboardEntry>> GetStoryboardEntriesAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var rows = await ReadPartitionAsync(_layout.StoryboardTable, date, SpotTables.Storyboard, cancellationToken);
        return rows
            .Where(r => r[0] is string)
            .Select(r => new StoryboardEntry((string)r[0]!, (string?)r[1], (string?)r[2]))
            .ToList();
    }

    public async IAsyncEnumerable<ExpandedSearch> SearchAsync(DateOnly date, IReadOnlyCollection<string> uris, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var distinct = uris.Distinct(StringComparer.Ordinal).ToList();
        var wanted = new UriSet(distinct);
        await PartitionFinder.RequireTableAsync(_hdfs, _layout.ProxyTable, WhereTheTablesAre, cancellationToken);
        var hours = await PartitionFinder.FindHoursAsync(
            _hdfs, await PartitionFinder.FindDayAsync(_hdfs, _layout.ProxyTable, date, cancellationToken), cancellationToken);
        var files = await PartitionFinder.FilesAsync(_hdfs, hours, cancellationToken);

        var searches = distinct.Select(_ => new SearchRows()).ToArray();
        await new ProxyDayScan(_hdfs, wanted, date).ScanAsync(files.Select(f => f.Path).ToList(), searches, cancellationToken);
        for (var i = 0; i < distinct.Count; i++)
        {
            yield return new ExpandedSearch(distinct[i], searches[i].Complete());
        }
    }

    public async Task<string> CheckAsync(CancellationToken cancellationToken)
    {
        var years = (await _hdfs.ListAsync(_layout.ProxyTable, cancellationToken)).Count(e => e.IsDirectory && e.Name.StartsWith("y=", StringComparison.Ordinal));
        if (years == 0)
        {
            throw new InvalidOperationException($"no proxy table partitions (y=YYYY folders) under {_hdfs.Describe(_layout.ProxyTable)}; check Source:Tables:Root and Spot:Root");
        }

        return $"{_hdfs.Describe(_layout.ProxyTable)} holds proxy data for {years} year(s)";
    }

    private async Task<List<object?[]>> ReadPartitionAsync(string table, DateOnly date, TableSchema schema, CancellationToken cancellationToken)
    {
        var folders = await PartitionFinder.FindDayAsync(_hdfs, table, date, cancellationToken);
        var rows = new List<object?[]>();
        foreach (var file in await PartitionFinder.FilesAsync(_hdfs, folders, cancellationToken))
        {
            await using var stream = await _hdfs.OpenAsync(file.Path, cancellationToken);
            rows.AddRange((await TableFile.ReadAsync(stream, schema, _hdfs.Describe(file.Path), cancellationToken)).Rows);
        }

        return rows;
    }
}
