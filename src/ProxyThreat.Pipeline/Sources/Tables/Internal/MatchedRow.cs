using ProxyThreat.Pipeline.Search;

namespace ProxyThreat.Pipeline.Sources.Tables.Internal;

/// <summary>
/// A raw request whose fulluri or referer is a searched URI: its row, with ids in the tables of its
/// <see cref="FileMatches"/>, and the numbers in the <see cref="UriSet"/> of its fulluri and its referer, -1 for none.
/// </summary>
internal readonly record struct MatchedRow(SearchRow Row, int FullUriThreat, int RefererThreat);
