namespace ProxyThreat.Pipeline.Tables;

/// <summary>One column of a Spot table as its DDL declares it.</summary>
public sealed record TableColumn(string Name, ColumnType Type);
