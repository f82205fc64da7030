using DuckDB.NET.Data;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>Writes Spot's tables as DuckDB does: another engine's Parquet, with its own encodings and codecs.</summary>
public static class DuckDbWriter
{
    /// <param name="path">The file to write.</param>
    /// <param name="schema">The table, whose columns the rows hold in order.</param>
    /// <param name="rows">Strings, ints and nulls.</param>
    /// <param name="options">DuckDB's COPY options, e.g. <c>COMPRESSION zstd, ROW_GROUP_SIZE 64</c>.</param>
    /// <param name="select">What to write of table <c>t</c>, e.g. <c>* REPLACE (CAST(fulluri AS BLOB) AS fulluri)</c>.</param>
    public static void Write(string path, TableSchema schema, IEnumerable<object?[]> rows, string options, string select = "*")
    {
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        var columns = string.Join(", ", schema.Columns.Select(c => $"{c.Name} {(c.Type == ColumnType.String ? "VARCHAR" : "BIGINT")}"));
        Execute(duck, $"CREATE TABLE t ({columns})");
        using (var appender = duck.CreateAppender("t"))
        {
            foreach (var row in rows)
            {
                var append = appender.CreateRow();
                foreach (var value in row)
                {
                    append = value switch
                    {
                        string s => append.AppendValue(s),
                        int i => append.AppendValue((long?)i),
                        long l => append.AppendValue((long?)l),
                        _ => append.AppendNullValue(),
                    };
                }

                append.EndRow();
            }
        }

        var ints = string.Join(", ", schema.Columns.Where(c => c.Type == ColumnType.Int).Select(c => $"CAST({c.Name} AS INTEGER) AS {c.Name}"));
        var typed = ints.Length == 0 ? "t" : $"(SELECT * REPLACE ({ints}) FROM t)";
        Execute(duck, $"COPY (SELECT {select} FROM {typed}) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet, {options})");
    }

    /// <summary>The encodings of a column's chunks in a Parquet file, one entry per row group.</summary>
    public static List<string> Encodings(string path, string column)
    {
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = $"SELECT encodings FROM parquet_metadata('{path.Replace("'", "''", StringComparison.Ordinal)}') WHERE path_in_schema = '{column}' ORDER BY row_group_id";
        using var reader = command.ExecuteReader();
        var encodings = new List<string>();
        while (reader.Read())
        {
            encodings.Add(reader.GetString(0));
        }

        return encodings;
    }

    private static void Execute(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
