using System.Globalization;
using System.Text;

namespace ProxyThreat.Pipeline.Tables;

/// <summary>
/// CSV stand-ins for Spot's Parquet files: UTF-8, a header row of column names (any order and case, every
/// column read; extra ones are kept aside), RFC 4180 quoting. An unquoted empty field is null; a quoted empty
/// field ("") is the empty string.
/// </summary>
public static class CsvTableFile
{
    public static async Task<TableContent> ReadAsync(Stream stream, TableSchema schema, string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true));
        var text = await reader.ReadToEndAsync(cancellationToken);
        var records = Parse(text, path);
        if (records.Count == 0)
        {
            throw new TableFormatException(path, "CSV file has no header row");
        }

        var header = records[0];
        var map = new int[schema.Columns.Count];
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = Array.FindIndex(header.ToArray(), h => string.Equals(h.Value, schema.Columns[c].Name, StringComparison.OrdinalIgnoreCase));
        }

        // A hand-made file's missing column is a typo, not a column of nulls: a search would find nothing in it.
        var missing = schema.Columns.Where((_, c) => map[c] < 0).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            throw new TableFormatException(
                path,
                $"the CSV header lacks {string.Join(", ", missing)} of table {schema.Name} (it names {string.Join(", ", header.Select(h => h.Value ?? "(empty)"))})");
        }

        var matches = header.Count == schema.Columns.Count;
        var rows = new List<object?[]>(records.Count - 1);
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            if (record.Count != header.Count)
            {
                throw new TableFormatException(path, $"line {record[0].Line}: {record.Count} fields where the header has {header.Count}");
            }

            var row = new object?[map.Length];
            for (var c = 0; c < map.Length; c++)
            {
                if (map[c] >= 0)
                {
                    row[c] = Convert(record[map[c]], schema.Columns[c], path);
                }
            }

            rows.Add(row);
        }

        return new TableContent(rows, matches);
    }

    public static async Task WriteAsync(Stream stream, TableSchema schema, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder();
        builder.AppendJoin(',', schema.Columns.Select(c => Quote(c.Name))).Append("\r\n");
        foreach (var row in rows)
        {
            builder.AppendJoin(',', row.Select(v => v switch
            {
                null => string.Empty,
                string s => Quote(s),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => Quote(v.ToString() ?? string.Empty),
            })).Append("\r\n");
        }

        var bytes = new UTF8Encoding(false).GetBytes(builder.ToString());
        await stream.WriteAsync(bytes, cancellationToken);
    }

    private static string Quote(string value) =>
        value.Length == 0 || value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    private static object? Convert(Field field, TableColumn column, string path)
    {
        if (field.Value is null || column.Type == ColumnType.String)
        {
            return field.Value;
        }

        if (long.TryParse(field.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && (column.Type == ColumnType.BigInt || number is >= int.MinValue and <= int.MaxValue))
        {
            return column.Type == ColumnType.Int ? (object)(int)number : number;
        }

        throw new TableFormatException(path, $"line {field.Line}: column {column.Name} holds '{field.Value}', which is not a {column.Type.ToString().ToLowerInvariant()}");
    }

    private static List<List<Field>> Parse(string text, string path)
    {
        var records = new List<List<Field>>();
        var record = new List<Field>();
        var value = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        while (i <= text.Length)
        {
            var quoted = false;
            value.Clear();
            if (i < text.Length && text[i] == '"')
            {
                quoted = true;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new TableFormatException(path, $"line {recordLine}: a quoted field is never closed");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            value.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (text[i] == '\n')
                    {
                        line++;
                    }

                    value.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"')
                    {
                        throw new TableFormatException(path, $"line {line}: a quote inside an unquoted field");
                    }

                    value.Append(text[i++]);
                }
            }

            record.Add(new Field(quoted || value.Length > 0 ? value.ToString() : null, recordLine));
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            if (i < text.Length && text[i] is not ('\r' or '\n'))
            {
                throw new TableFormatException(path, $"line {line}: unexpected text after a quoted field");
            }

            if (i < text.Length && text[i] == '\r')
            {
                i++;
            }

            if (i < text.Length && text[i] == '\n')
            {
                i++;
            }

            line++;
            if (!(record.Count == 1 && record[0].Value is null))
            {
                records.Add(record);
            }

            record = [];
            recordLine = line;
            if (i >= text.Length)
            {
                break;
            }
        }

        return records;
    }

    private readonly record struct Field(string? Value, int Line);
}
