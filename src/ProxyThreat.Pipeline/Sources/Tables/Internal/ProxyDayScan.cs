using System.Collections.Concurrent;
using ParquetSharp;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Search;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.Sources.Tables.Internal;

/// <summary>
/// Reads the raw files of a day, several at once, and hands each file's matches to the searches once every file
/// before it has handed its own: a search holds its rows in partition, file and row order (rows of the same time
/// keep it), and a file's matches are let go, their room serving the next file, as soon as they are added.
/// </summary>
internal sealed class ProxyDayScan
{
    private const int ParallelFileReads = 4;

    private readonly IHdfs _hdfs;
    private readonly UriSet _uris;
    private readonly DateOnly _date;

    public ProxyDayScan(IHdfs hdfs, UriSet uris, DateOnly date)
    {
        _hdfs = hdfs;
        _uris = uris;
        _date = date;
    }

    /// <param name="files">The day's raw files, in partition and file order.</param>
    /// <param name="searches">The searches, by the URIs' numbers in the <see cref="UriSet"/>.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public async Task ScanAsync(IReadOnlyList<string> files, SearchRows[] searches, CancellationToken cancellationToken)
    {
        var scanned = new FileMatches?[files.Count];
        var added = 0;
        var scans = new ConcurrentBag<ParquetProxyScan>();
        var free = new ConcurrentBag<FileMatches>();
        try
        {
            await Parallel.ForAsync(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = ParallelFileReads, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                var scan = scans.TryTake(out var idle) ? idle : new ParquetProxyScan();
                var found = free.TryTake(out var room) ? room : new FileMatches();
                try
                {
                    await ScanFileAsync(files[i], scan, found, ct);
                }
                finally
                {
                    scans.Add(scan);
                }

                lock (scanned)
                {
                    scanned[i] = found;
                    for (; added < scanned.Length && scanned[added] is { } next; added++)
                    {
                        next.AddTo(searches);
                        next.Clear();
                        free.Add(next);
                        scanned[added] = null;
                    }
                }
            });
        }
        finally
        {
            foreach (var scan in scans)
            {
                scan.Dispose();
            }
        }
    }

    private async Task ScanFileAsync(string path, ParquetProxyScan scan, FileMatches found, CancellationToken cancellationToken)
    {
        await using var stream = await _hdfs.OpenAsync(path, cancellationToken);
        if (TableFile.IsCsv(path))
        {
            var content = await CsvTableFile.ReadAsync(stream, SpotTables.Proxy, _hdfs.Describe(path), cancellationToken);
            CsvProxyScan.Scan(content, _uris, _date, found);
            return;
        }

        try
        {
            scan.Scan(stream, _uris, _date, found, cancellationToken);
        }
        catch (Exception ex) when (ex is ParquetException or IOException or InvalidDataException or NotSupportedException or OverflowException or FormatException or InvalidCastException)
        {
            throw new TableFormatException(_hdfs.Describe(path), $"not a readable Parquet file for table {SpotTables.Proxy.Name}: {ex.Message}", ex);
        }
    }
}
