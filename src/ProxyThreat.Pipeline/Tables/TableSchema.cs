namespace ProxyThreat.Pipeline.Tables;

/// <summary>The columns of one of Spot's Hive tables, in DDL order (partition columns excluded).</summary>
public sealed class TableSchema
{
    public TableSchema(string name, params TableColumn[] columns)
    {
        Name = name;
        Columns = columns;
    }

    public string Name { get; }

    public IReadOnlyList<TableColumn> Columns { get; }

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
