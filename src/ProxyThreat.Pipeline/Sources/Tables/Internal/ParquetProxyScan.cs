using System.Runtime.InteropServices;
using ParquetSharp;
using ProxyThreat.Pipeline.Search;

namespace ProxyThreat.Pipeline.Sources.Tables.Internal;

/// <summary>
/// Finds the requests of one raw Parquet file whose fulluri or referer is a searched URI. Per row group it
/// reads the two key columns first and tests each value's UTF-8 bytes against the URIs where they lie in the
/// reader's pages; a row group without a hit is done there. Only for the rows that hit does it take the other
/// columns the outputs need, as ids of the file's texts: a text becomes a string once per file. One scan reads
/// one file at a time and keeps its buffers from file to file.
/// </summary>
internal sealed class ParquetProxyScan : IDisposable
{
    private const int FullUri = 0;
    private const int Referer = 1;
    private const int Date = 2;
    private const int Time = 3;
    private const int ClientIp = 4;
    private const int RequestMethod = 5;
    private const int ContentType = 6;
    private const int ResponseCode = 7;
    private const int Duration = 8;
    private const int ReadBufferBytes = 64 * 1024;

    private static readonly string[] Needed = ["fulluri", "referer", "p_date", "p_time", "clientip", "reqmethod", "resconttype", "respcode", "duration"];

    private readonly ParquetColumn _column = new();
    private readonly List<Hit> _hits = [];
    private int[] _refererThreats = [];

    public void Scan(Stream stream, UriSet uris, DateOnly partitionDate, FileMatches found, CancellationToken cancellationToken)
    {
        // The C library's allocator gives pages back that mimalloc (Arrow's default) would keep per thread, and a
        // buffered stream reads a column chunk a piece at a time instead of whole: both keep the peak memory down.
        using var properties = ReaderProperties.WithMemoryPool(MemoryPool.SystemMemoryPool());
        properties.EnableBufferedStream();
        properties.BufferSize = ReadBufferBytes;
        using var file = new ParquetFileReader(stream, properties, leaveOpen: true);
        var (columns, names) = ColumnsOf(file);
        for (var g = 0; g < file.FileMetaData.NumRowGroups; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var group = file.RowGroup(g);
            var rows = checked((int)group.MetaData.NumRows);
            if (_refererThreats.Length < rows)
            {
                _refererThreats = new int[rows];
            }

            _hits.Clear();
            FindHits(group, columns, names, uris, found, _refererThreats.AsSpan(0, rows));
            if (_hits.Count > 0)
            {
                ReadHits(group, columns, names, found);
                foreach (ref readonly var hit in CollectionsMarshal.AsSpan(_hits))
                {
                    var row = new SearchRow(SpotTime.Ticks(hit.Date, hit.Time, partitionDate), hit.ClientIp, hit.FullUri, hit.Referer, hit.RequestMethod, hit.ContentType, hit.ResponseCode, hit.Duration);
                    found.Add(new MatchedRow(row, hit.FullUriThreat, hit.RefererThreat));
                }
            }
        }
    }

    public void Dispose() => _column.Dispose();

    /// <summary>The leaf column index and name in the file of each needed column, found by name in any case.</summary>
    private static (int[] Columns, string[] Names) ColumnsOf(ParquetFileReader file)
    {
        var schema = file.FileMetaData.Schema;
        var names = Enumerable.Range(0, schema.NumColumns).Select(i => schema.Column(i).Name).ToList();
        var columns = Needed.Select(n => names.FindIndex(c => string.Equals(c, n, StringComparison.OrdinalIgnoreCase))).ToArray();

        // As for a CSV file: a proxy file without a column the search reads is the wrong file, and reading its
        // requests as if the column were empty would hand the analyst a search that quietly found less.
        var missing = Needed.Where((_, i) => columns[i] < 0).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"it lacks {string.Join(", ", missing)} (it has {string.Join(", ", names)})");
        }

        return (columns, columns.Select(c => names[c]).ToArray());
    }

    /// <summary>
    /// The rows whose referer or fulluri is a searched URI, in row order, with their fulluri's id. The referer is
    /// tested first, so that the fulluri of a row found by its referer is taken while its bytes are in hand.
    /// </summary>
    private void FindHits(RowGroupReader group, int[] columns, string[] names, UriSet uris, FileMatches found, Span<int> refererThreats)
    {
        refererThreats.Fill(-1);
        using (var referer = _column.Open(group, columns[Referer], names[Referer]))
        {
            while (referer.Next())
            {
                var threats = refererThreats.Slice((int)referer.Position, referer.Count);
                for (var i = 0; i < threats.Length; i++)
                {
                    if (!referer.IsNull(i))
                    {
                        threats[i] = uris.IndexOf(referer.Utf8(i));
                    }
                }
            }
        }

        using var fulluri = _column.Open(group, columns[FullUri], names[FullUri]);
        while (fulluri.Next())
        {
            for (var i = 0; i < fulluri.Count; i++)
            {
                var row = (int)fulluri.Position + i;
                var threat = fulluri.IsNull(i) ? -1 : uris.IndexOf(fulluri.Utf8(i));
                if (threat >= 0 || refererThreats[row] >= 0)
                {
                    _hits.Add(new Hit(row, threat, refererThreats[row]) { FullUri = fulluri.IdIn(i, found.FullUris) });
                }
            }
        }
    }

    /// <summary>Takes the other columns of the rows that hit, one column at a time, leaving the pages without a hit undecoded where it can.</summary>
    private void ReadHits(RowGroupReader group, int[] columns, string[] names, FileMatches found)
    {
        for (var c = Referer; c < Needed.Length; c++)
        {
            using var column = _column.Open(group, columns[c], names[c]);
            foreach (ref var hit in CollectionsMarshal.AsSpan(_hits))
            {
                column.MoveTo(hit.Row);
                var i = (int)(hit.Row - column.Position);
                switch (c)
                {
                    case Referer:
                        hit.Referer = column.IdIn(i, found.Referers);
                        break;
                    case Date:
                        hit.Date = column.IsNull(i) ? null : SpotTime.Date(column.Utf8(i));
                        break;
                    case Time:
                        hit.Time = column.IsNull(i) ? null : SpotTime.Time(column.Utf8(i));
                        break;
                    case ClientIp:
                        hit.ClientIp = column.IdIn(i, found.ClientIps);
                        break;
                    case RequestMethod:
                        hit.RequestMethod = column.IdIn(i, found.RequestMethods);
                        break;
                    case ContentType:
                        hit.ContentType = column.IdIn(i, found.ContentTypes);
                        break;
                    case ResponseCode:
                        hit.ResponseCode = column.IdIn(i, found.ResponseCodes);
                        break;
                    default:
                        hit.Duration = column.Int(i);
                        break;
                }
            }
        }
    }

    /// <summary>A row that hit, its columns filled in as they are read.</summary>
    private struct Hit(int row, int fullUriThreat, int refererThreat)
    {
        public readonly int Row = row;
        public readonly int FullUriThreat = fullUriThreat;
        public readonly int RefererThreat = refererThreat;
        public int FullUri;
        public int Referer;
        public DateOnly? Date;
        public long? Time;
        public int ClientIp;
        public int RequestMethod;
        public int ContentType;
        public int ResponseCode;
        public int Duration;
    }
}
