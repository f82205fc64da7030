using System.Globalization;
using System.Text.Json;
using ParquetSharp.Arrow;

namespace ProxyThreat.Benchmarks;

/// <summary>What one measured process of a baseline does.</summary>
internal static class Child
{
    public static async Task<int> RunAsync(string[] args)
    {
        switch (args[0])
        {
            case "duckdb":
                DuckDbInvestigation.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), 300);
                break;
            case "receive":
                using (var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan })
                {
                    var body = new { query = "query($date: SpotDateType!, $uri: String!) { proxy { threat { details(date: $date, uri: $uri) { datetime } } } }", variables = new { date = args[2], uri = DetailsAnswer.Uri } };
                    // With a Content-Length, as the worker sends it (the bare server takes no other).
                    using var request = new HttpRequestMessage(HttpMethod.Post, args[1]) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body)) };
                    request.Content.Headers.ContentType = new("application/json");
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    await using var stream = await response.Content.ReadAsStreamAsync();
                    await stream.CopyToAsync(Stream.Null);
                }

                break;
            case "parquetsharp":
                ReadKeyColumnsWithParquetSharp(args[1]);
                break;
            case "parquet.net":
                await ReadKeyColumnsWithParquetNetAsync(args[1]);
                break;
            default:
                throw new ArgumentException($"unknown child {args[0]}");
        }

        return 0;
    }

    private static IEnumerable<string> RawFiles(string root) =>
        Directory.EnumerateFiles(Path.Join(root, "user", "spot", "proxy", "hive", "y=2016"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>fulluri and referer of every row, as the tables source reads them first (dictionaries, UTF-8 bytes).</summary>
    private static void ReadKeyColumnsWithParquetSharp(string root)
    {
        long bytes = 0;
        foreach (var file in RawFiles(root))
        {
            using var properties = ArrowReaderProperties.GetDefault();
            int[] columns;
            using (var metadata = new ParquetSharp.ParquetFileReader(file))
            {
                var schema = metadata.FileMetaData.Schema;
                columns = Enumerable.Range(0, schema.NumColumns).Where(c => schema.Column(c).Name is "fulluri" or "referer").ToArray();
            }

            foreach (var c in columns)
            {
                properties.SetReadDictionary(c, true);
            }

            using var reader = new FileReader(file, arrowProperties: properties);
            using var batches = reader.GetRecordBatchReader(Enumerable.Range(0, reader.NumRowGroups).ToArray(), columns);
            while (batches.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch)
            {
                using (batch)
                {
                    foreach (var array in batch.Arrays.OfType<Apache.Arrow.DictionaryArray>())
                    {
                        var entries = (Apache.Arrow.BinaryArray)array.Dictionary;
                        for (var e = 0; e < entries.Length; e++)
                        {
                            bytes += entries.GetBytes(e).Length;
                        }
                    }
                }
            }
        }

        GC.KeepAlive(bytes);
    }

    /// <summary>The same two columns through Parquet.Net's reader, which makes a string per row.</summary>
    private static async Task ReadKeyColumnsWithParquetNetAsync(string root)
    {
        long chars = 0;
        foreach (var file in RawFiles(root))
        {
            await using var stream = File.OpenRead(file);
            await using var reader = await Parquet.ParquetReader.CreateAsync(stream);
            var fields = reader.Schema.DataFields.Where(f => f.Name is "fulluri" or "referer").ToArray();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                foreach (var field in fields)
                {
                    var values = new string?[group.RowCount];
                    await group.ReadAsync(field, values.AsMemory());
                    chars += values.Sum(v => v?.Length ?? 0);
                }
            }
        }

        GC.KeepAlive(chars);
    }
}
