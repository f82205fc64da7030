using System.Globalization;
using System.Runtime.CompilerServices;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Search;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.Sources.Tables;

/// <summary>
/// Reads Spot's Hive tables straight from their folders (Parquet, or CSV stand-ins), as Impala would.
/// The raw partitions of a date are read once for all the URIs searched.
/// </summary>
public sealed class TablesSource : IThreatSource
{
    private const int ParallelFileReads = 4;

    // Only the raw columns the expanded search returns are materialised.
    private static readonly TableSchema RawColumns = new(
        SpotTables.Proxy.Name,
        new[]
        {
            "p_date", "p_time", "clientip", "username", "duration", "fulluri", "webcat", "respcode", "reqmethod",
            "useragent", "resconttype", "referer", "uriport", "serverip", "scbytes", "csbytes",
        }
            .Select(n => SpotTables.Proxy.Columns[SpotTables.Proxy.IndexOf(n)]).ToArray());

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
        var wanted = uris.ToHashSet(StringComparer.Ordinal);
        var hours = await PartitionFinder.FindHoursAsync(
            _hdfs, await PartitionFinder.FindDayAsync(_hdfs, _layout.ProxyTable, date, cancellationToken), cancellationToken);
        var files = await PartitionFinder.FilesAsync(_hdfs, hours, cancellationToken);

        var perFile = new List<object?[]>[files.Count];
        await Parallel.ForAsync(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = ParallelFileReads, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var content = await ReadFileAsync(files[i].Path, RawColumns, ct);
            perFile[i] = content.Rows
                .Where(r => (r[5] is string u && wanted.Contains(u)) || (r[11] is string f && wanted.Contains(f)))
                .ToList();
        });

        foreach (var uri in uris.Distinct(StringComparer.Ordinal))
        {
            var rows = new SearchRows();
            foreach (var r in perFile.SelectMany(f => f).Where(r => (string?)r[5] == uri || (string?)r[11] == uri))
            {
                rows.Add(ParseTime((string?)r[0], (string?)r[1], date), (string?)r[2], (string?)r[5], (string?)r[11], (string?)r[8], (string?)r[10], (string?)r[7], (int?)r[4]);
            }

            yield return new ExpandedSearch(uri, rows.Complete());
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
            rows.AddRange((await ReadFileAsync(file.Path, schema, cancellationToken)).Rows);
        }

        return rows;
    }

    private async Task<TableContent> ReadFileAsync(string path, TableSchema schema, CancellationToken cancellationToken)
    {
        await using var stream = await _hdfs.OpenAsync(path, cancellationToken);
        return await TableFile.ReadAsync(stream, schema, _hdfs.Describe(path), cancellationToken);
    }

    private static DateTime? ParseTime(string? date, string? time, DateOnly partitionDate)
    {
        if (string.IsNullOrEmpty(time) || !TimeOnly.TryParse(time, CultureInfo.InvariantCulture, out var clock))
        {
            return null;
        }

        var day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : partitionDate;
        return day.ToDateTime(clock);
    }
}
