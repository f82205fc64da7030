namespace ProxyThreat.Pipeline.Sources.GraphQL.Internal;

/// <summary>
/// The three reads of an investigation, as Spot's notebook sends them (FORMATS.md section 3). Values travel
/// as variables only.
/// </summary>
internal static class SpotQueries
{
    public const string ScoredThreats =
        "query($date: SpotDateType!) { proxy { threats { list(date: $date) { datetime uri score } } } }";

    public const string Comments =
        "query($date: SpotDateType!) { proxy { threats { comments(date: $date) { uri title text } } } }";

    public const string Details =
        "query($date: SpotDateType!, $uri: String!) { proxy { threat { details(date: $date, uri: $uri) { "
        + "datetime clientIp username duration uri webCategory responseCode requestMethod userAgent "
        + "responseContentType referer uriPort serverIp serverToClientBytes clientToServerBytes } } } }";

    public static readonly string[] ScoredThreatsPath = ["proxy", "threats", "list"];

    public static readonly string[] CommentsPath = ["proxy", "threats", "comments"];

    public static readonly string[] DetailsPath = ["proxy", "threat", "details"];

    /// <summary>Asks for the fields of one schema type.</summary>
    public const string TypeFields = "query($name: String!) { __type(name: $name) { fields { name } } }";

    public static readonly string[] TypeFieldsPath = ["__type", "fields"];

    /// <summary>Every type and field the three reads above touch, by the names in Spot's SDL.</summary>
    public static readonly IReadOnlyList<(string Type, string[] Fields)> UsedFields =
    [
        ("SpotQueryType", ["proxy"]),
        ("ProxyQueryType", ["threats", "threat"]),
        ("ProxyThreatsType", ["list", "comments"]),
        ("ProxyThreatInformation", ["details"]),
        ("ProxyScoredRequestType", ["datetime", "uri", "score"]),
        ("ProxyCommentType", ["uri", "title", "text"]),
        ("ProxyThreatDetailsType",
        [
            "datetime", "clientIp", "username", "duration", "uri", "webCategory", "responseCode", "requestMethod", "userAgent",
            "responseContentType", "referer", "uriPort", "serverIp", "serverToClientBytes", "clientToServerBytes",
        ]),
    ];
}
