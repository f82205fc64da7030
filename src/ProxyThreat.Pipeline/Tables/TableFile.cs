namespace ProxyThreat.Pipeline.Tables;

/// <summary>Chooses the codec of a table file: <c>.csv</c> files are CSV stand-ins, everything else is Parquet.</summary>
public static class TableFile
{
    public static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static Task<TableContent> ReadAsync(Stream stream, TableSchema schema, string path, CancellationToken cancellationToken) =>
        IsCsv(path)
            ? CsvTableFile.ReadAsync(stream, schema, path, cancellationToken)
            : ParquetTableFile.ReadAsync(stream, schema, path, cancellationToken);

    public static async Task<byte[]> EncodeAsync(string path, TableSchema schema, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        if (IsCsv(path))
        {
            await CsvTableFile.WriteAsync(buffer, schema, rows, cancellationToken);
        }
        else
        {
            await ParquetTableFile.WriteAsync(buffer, schema, rows, cancellationToken);
        }

        return buffer.ToArray();
    }
}
