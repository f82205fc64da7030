using DuckDB.NET.Data;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.EndToEnd.Tests.Differential;

/// <summary>Writes Spot's raw proxy table as DuckDB does: another engine's Parquet, with its own encodings and codecs.</summary>
internal static class DuckDbWriter
{
    /// <param name="path">The file to write.</param>
    /// <param name="rows">Rows of <see cref="SpotTables.Proxy"/>.</param>
    /// <param name="options">DuckDB's COPY options, e.g. <c>COMPRESSION zstd, ROW_GROUP_SIZE 64</c>.</param>
    public static void WriteProxy(string path, IReadOnlyList<object?[]> rows, string options)
    {
        var schema = SpotTables.Proxy;
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        var columns = string.Join(", ", schema.Columns.Select(c => $"{c.Name} {(c.Type == ColumnType.String ? "VARCHAR" : "INTEGER")}"));
        Execute(duck, $"CREATE TABLE proxy ({columns})");
        using (var appender = duck.CreateAppender("proxy"))
        {
            foreach (var row in rows)
            {
                var append = appender.CreateRow();
                foreach (var value in row)
                {
                    append = value switch
                    {
                        string s => append.AppendValue(s),
                        int i => append.AppendValue((int?)i),
                        _ => append.AppendNullValue(),
                    };
                }

                append.EndRow();
            }
        }

        Execute(duck, $"COPY proxy TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet, {options})");
    }

    private static void Execute(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
