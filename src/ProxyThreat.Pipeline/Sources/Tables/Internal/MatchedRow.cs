namespace ProxyThreat.Pipeline.Sources.Tables.Internal;

/// <summary>
/// A raw request whose fulluri or referer is a searched URI, with the columns the outputs need; the threats are
/// the numbers in the <see cref="UriSet"/> of its fulluri and its referer, -1 for none.
/// </summary>
internal readonly record struct MatchedRow(
    long Time,
    string? ClientIp,
    string? FullUri,
    string? Referer,
    string? RequestMethod,
    string? ContentType,
    string? ResponseCode,
    int Duration,
    int FullUriThreat,
    int RefererThreat);
