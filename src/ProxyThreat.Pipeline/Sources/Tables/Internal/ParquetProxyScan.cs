using Apache.Arrow;
using ParquetSharp;
using ParquetSharp.Arrow;

namespace ProxyThreat.Pipeline.Sources.Tables.Internal;

/// <summary>
/// Finds the requests of one raw Parquet file whose fulluri or referer is a searched URI. Per row group it
/// reads the two key columns first, as dictionaries where the file has them, and tests each dictionary entry
/// (or each plain value) once against the URIs' UTF-8 bytes; a row group without a hit is done there. Only
/// for the rows that hit does it read the other columns the outputs need, and make strings of their values.
/// </summary>
internal static class ParquetProxyScan
{
    private static readonly string[] Needed = ["fulluri", "referer", "p_date", "p_time", "clientip", "reqmethod", "resconttype", "respcode", "duration"];

    public static async Task<List<MatchedRow>> ScanAsync(Stream stream, UriSet uris, DateOnly partitionDate, CancellationToken cancellationToken)
    {
        var (columns, names) = ColumnsOf(stream);
        using var properties = ArrowReaderProperties.GetDefault();
        foreach (var column in columns.Where(c => c >= 0))
        {
            properties.SetReadDictionary(column, true);
        }

        stream.Position = 0;
        using var reader = new FileReader(stream, arrowProperties: properties, leaveOpen: true);
        var found = new List<MatchedRow>();
        for (var group = 0; group < reader.NumRowGroups; group++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hits = await KeyHitsAsync(reader, group, columns, names, uris, cancellationToken);
            if (hits.Count > 0)
            {
                await ReadHitsAsync(reader, group, columns, names, hits, partitionDate, found, cancellationToken);
            }
        }

        return found;
    }

    /// <summary>The leaf column index and name in the file of each needed column (found by name, any case); -1 where the file lacks it.</summary>
    private static (int[] Columns, string?[] Names) ColumnsOf(Stream stream)
    {
        using var file = new ParquetFileReader(stream, leaveOpen: true);
        var schema = file.FileMetaData.Schema;
        var names = Enumerable.Range(0, schema.NumColumns).Select(i => schema.Column(i).Name).ToList();
        var columns = Needed.Select(n => names.FindIndex(c => string.Equals(c, n, StringComparison.OrdinalIgnoreCase))).ToArray();
        return (columns, columns.Select(c => c >= 0 ? names[c] : null).ToArray());
    }

    private static IArrowArray? Column(RecordBatch batch, string? name) => name is null ? null : batch.Column(batch.Schema.GetFieldIndex(name));

    private static async Task<List<Hit>> KeyHitsAsync(FileReader reader, int group, int[] columns, string?[] names, UriSet uris, CancellationToken cancellationToken)
    {
        var hits = new List<Hit>();
        var keys = columns[..2].Where(c => c >= 0).ToArray();
        if (keys.Length == 0)
        {
            return hits;
        }

        using var batches = reader.GetRecordBatchReader([group], keys);
        var (fulluri, referer) = (new ArrowText("fulluri"), new ArrowText("referer"));
        var offset = 0;
        int[] fulluriThreats = [];
        int[] refererThreats = [];
        while (await batches.ReadNextRecordBatchAsync(cancellationToken) is { } batch)
        {
            using (batch)
            {
                var fulluriArray = Column(batch, names[0]);
                var refererArray = Column(batch, names[1]);
                var byFulluri = Threats(fulluriArray, uris, batch.Length, ref fulluriThreats);
                var byReferer = Threats(refererArray, uris, batch.Length, ref refererThreats);
                fulluri.Use(fulluriArray);
                referer.Use(refererArray);
                for (var row = 0; row < batch.Length; row++)
                {
                    if (byFulluri[row] >= 0 || byReferer[row] >= 0)
                    {
                        hits.Add(new Hit(offset + row, byFulluri[row], byReferer[row], fulluri.Text(row), referer.Text(row)));
                    }
                }

                offset += batch.Length;
            }
        }

        return hits;
    }

    /// <summary>Each row's URI number, -1 for none; a dictionary's entries are looked up once each.</summary>
    /// <param name="array">The column of the batch.</param>
    /// <param name="uris">The URIs searched.</param>
    /// <param name="length">The batch's rows.</param>
    /// <param name="buffer">Reused from batch to batch, so that no batch allocates a large array.</param>
    private static Span<int> Threats(IArrowArray? array, UriSet uris, int length, ref int[] buffer)
    {
        if (buffer.Length < length)
        {
            buffer = new int[length];
        }

        var threats = buffer.AsSpan(0, length);
        threats.Fill(-1);
        switch (array)
        {
            case DictionaryArray { Dictionary: BinaryArray entries } dictionary:
                Span<int> ofEntry = entries.Length <= 1024 ? stackalloc int[entries.Length] : new int[entries.Length];
                var any = false;
                for (var e = 0; e < entries.Length; e++)
                {
                    ofEntry[e] = entries.IsNull(e) ? -1 : uris.IndexOf(entries.GetBytes(e));
                    any |= ofEntry[e] >= 0;
                }

                if (any)
                {
                    for (var row = 0; row < length; row++)
                    {
                        if (dictionary.IsValid(row))
                        {
                            threats[row] = ofEntry[ArrowText.Index(dictionary.Indices, row)];
                        }
                    }
                }

                break;
            case BinaryArray plain:
                for (var row = 0; row < length; row++)
                {
                    if (plain.IsValid(row))
                    {
                        threats[row] = uris.IndexOf(plain.GetBytes(row));
                    }
                }

                break;
        }

        return threats;
    }

    private static async Task ReadHitsAsync(FileReader reader, int group, int[] columns, string?[] names, List<Hit> hits, DateOnly partitionDate, List<MatchedRow> found, CancellationToken cancellationToken)
    {
        var others = Enumerable.Range(2, Needed.Length - 2).Where(i => columns[i] >= 0).ToArray();
        var texts = Enumerable.Range(0, Needed.Length).Select(i => new ArrowText(Needed[i])).ToArray();
        if (others.Length == 0)
        {
            foreach (var hit in hits)
            {
                found.Add(ToRow(hit, texts, 0, partitionDate));
            }

            return;
        }

        using var batches = reader.GetRecordBatchReader([group], others.Select(i => columns[i]).ToArray());
        var offset = 0;
        var next = 0;
        while (next < hits.Count && await batches.ReadNextRecordBatchAsync(cancellationToken) is { } batch)
        {
            using (batch)
            {
                foreach (var c in others)
                {
                    texts[c].Use(Column(batch, names[c]));
                }

                for (; next < hits.Count && hits[next].Row < offset + batch.Length; next++)
                {
                    found.Add(ToRow(hits[next], texts, offset, partitionDate));
                }

                offset += batch.Length;
            }
        }
    }

    private static MatchedRow ToRow(Hit hit, ArrowText[] texts, int offset, DateOnly partitionDate)
    {
        var row = hit.Row - offset;
        var time = SpotTime.Ticks(SpotTime.Date(texts[2].Text(row)), SpotTime.Time(texts[3].Text(row)), partitionDate);
        return new MatchedRow(
            time,
            texts[4].Text(row),
            hit.FullUri,
            hit.Referer,
            texts[5].Text(row),
            texts[6].Text(row),
            texts[7].Text(row),
            texts[8].Int(row),
            hit.FullUriThreat,
            hit.RefererThreat);
    }

    private readonly record struct Hit(int Row, int FullUriThreat, int RefererThreat, string? FullUri, string? Referer);
}
