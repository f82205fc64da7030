using Parquet;
using Parquet.Schema;

namespace ProxyThreat.Pipeline.Tables;

/// <summary>
/// Reads and writes Spot's tables as Parquet with the physical types Impala requires: strings as optional
/// BYTE_ARRAY (UTF8), int as optional INT32, bigint as optional INT64.
/// </summary>
public static class ParquetTableFile
{
    public static async Task<TableContent> ReadAsync(Stream stream, TableSchema schema, string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
            var fileFields = reader.Schema.DataFields;
            var fields = schema.Columns
                .Select(c => fileFields.FirstOrDefault(f => string.Equals(f.Name, c.Name, StringComparison.OrdinalIgnoreCase)))
                .ToArray();
            var matches = fileFields.Length == schema.Columns.Count
                && schema.Columns.Select((c, i) => fields[i] is { } f && KindOf(f) == c.Type).All(x => x);

            var rows = new List<object?[]>();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var group = reader.OpenRowGroupReader(g);
                var count = checked((int)group.RowCount);
                var columns = new object?[schema.Columns.Count][];
                for (var c = 0; c < columns.Length; c++)
                {
                    columns[c] = fields[c] is { } field
                        ? await ReadColumnAsync(group, field, schema.Columns[c], count, cancellationToken)
                        : new object?[count];
                }

                for (var r = 0; r < count; r++)
                {
                    var row = new object?[columns.Length];
                    for (var c = 0; c < columns.Length; c++)
                    {
                        row[c] = columns[c][r];
                    }

                    rows.Add(row);
                }
            }

            return new TableContent(rows, matches);
        }
        catch (Exception ex) when (ex is ParquetException or IOException or InvalidDataException or NotSupportedException or InvalidOperationException or OverflowException)
        {
            throw new TableFormatException(path, $"not a readable Parquet file for table {schema.Name}: {ex.Message}", ex);
        }
    }

    public static async Task WriteAsync(Stream stream, TableSchema schema, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var fields = schema.Columns.Select(ToField).ToArray();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken);
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < fields.Length; c++)
        {
            var index = c;
            switch (schema.Columns[c].Type)
            {
                case ColumnType.String:
                    await group.WriteAsync(fields[c], rows.Select(r => (string?)r[index]).ToArray()!);
                    break;
                case ColumnType.Int:
                    await group.WriteAsync<int>(fields[c], rows.Select(r => (int?)r[index]).ToArray(), cancellationToken: cancellationToken);
                    break;
                case ColumnType.BigInt:
                    await group.WriteAsync<long>(fields[c], rows.Select(r => (long?)r[index]).ToArray(), cancellationToken: cancellationToken);
                    break;
                default:
                    throw new NotSupportedException(schema.Columns[c].Type.ToString());
            }
        }

        group.CompleteValidate();
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, TableColumn column, int count, CancellationToken cancellationToken)
    {
        var result = new object?[count];
        if (KindOf(field) == ColumnType.String)
        {
            var values = new string?[count];
            await group.ReadAsync(field, values.AsMemory(), cancellationToken: cancellationToken);
            for (var i = 0; i < count; i++)
            {
                result[i] = Convert(values[i], column);
            }
        }
        else if (field.ClrType == typeof(int))
        {
            var values = new int?[count];
            await group.ReadAsync<int>(field, values.AsMemory(), cancellationToken: cancellationToken);
            for (var i = 0; i < count; i++)
            {
                result[i] = values[i] is { } v ? Convert(v, column) : null;
            }
        }
        else if (field.ClrType == typeof(long))
        {
            var values = new long?[count];
            await group.ReadAsync<long>(field, values.AsMemory(), cancellationToken: cancellationToken);
            for (var i = 0; i < count; i++)
            {
                result[i] = values[i] is { } v ? Convert(v, column) : null;
            }
        }
        else
        {
            throw new NotSupportedException($"column {column.Name} has Parquet type {field.ClrType.Name}, expected {column.Type}");
        }

        return result;
    }

    private static object? Convert(string? value, TableColumn column) => column.Type switch
    {
        ColumnType.String => value,
        _ when string.IsNullOrEmpty(value) => null,
        ColumnType.Int => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => long.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static object Convert(long value, TableColumn column) => column.Type switch
    {
        ColumnType.String => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ColumnType.Int => checked((int)value),
        _ => value,
    };

    private static DataField ToField(TableColumn column) => column.Type switch
    {
        ColumnType.String => new DataField<string>(column.Name, true),
        ColumnType.Int => new DataField<int?>(column.Name),
        _ => new DataField<long?>(column.Name),
    };

    /// <summary>The Hive type a Parquet column holds; Parquet.Net may surface strings as memory of chars or bytes.</summary>
    private static ColumnType? KindOf(DataField field) =>
        field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>) || field.ClrType == typeof(ReadOnlyMemory<byte>) ? ColumnType.String
        : field.ClrType == typeof(int) ? ColumnType.Int
        : field.ClrType == typeof(long) ? ColumnType.BigInt
        : null;
}
