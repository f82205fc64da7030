namespace ProxyThreat.Pipeline.Tables;

/// <summary>
/// The rows of one table file, mapped onto a schema: each row holds one value per schema column
/// (<see cref="string"/>, <see cref="int"/> or <see cref="long"/> by column type, or null).
/// </summary>
/// <param name="Rows">The rows in file order.</param>
/// <param name="MatchesSchema">
/// True when the file holds exactly the schema's columns with the schema's types, so that writing the rows
/// back with the schema loses nothing.
/// </param>
public sealed record TableContent(IReadOnlyList<object?[]> Rows, bool MatchesSchema);
