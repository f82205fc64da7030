using System.Diagnostics.CodeAnalysis;

namespace ProxyThreat.Pipeline.Tables;

/// <summary>The Hive column types Spot's tables use.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the Hive DDL types.")]
public enum ColumnType
{
    String,
    Int,
    BigInt,
}
