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
}
