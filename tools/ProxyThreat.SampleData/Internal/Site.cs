namespace ProxyThreat.SampleData.Internal;

/// <summary>A web site the clients visit: its pages, the assets its pages load, and how often it is visited.</summary>
internal sealed record Site(
    string Host,
    string ServerIp,
    string Category,
    string Scheme,
    double Weight,
    SiteKind Kind,
    string App,
    IReadOnlyList<string> Pages,
    IReadOnlyList<string> Assets)
{
    public string Url(string path) => $"{Scheme}://{Host}{path}";
}
