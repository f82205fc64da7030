using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Testing;

/// <summary>A row of Spot's raw proxy table, as tests write it: a column left unset is null.</summary>
public sealed record ProxyRow
{
    public string? Date { get; init; }

    public string? Time { get; init; }

    public string? ClientIp { get; init; }

    public string? Host { get; init; }

    public string? Method { get; init; }

    public string? UserAgent { get; init; }

    public string? ContentType { get; init; }

    public int? Duration { get; init; }

    public string? UserName { get; init; }

    public string? WebCategory { get; init; }

    public string? Referer { get; init; }

    public string? RespCode { get; init; }

    public string? UriPort { get; init; }

    public string? ServerIp { get; init; }

    public int? ScBytes { get; init; }

    public int? CsBytes { get; init; }

    public string? FullUri { get; init; }

    /// <summary>
    /// A request as Spot's proxy logs carry one: every column set, the host taken from the URI; a GET of an HTML
    /// page by alice, answered 200.
    /// </summary>
    public static ProxyRow Full(string? date, string? time, string? clientIp, string fullUri) => new()
    {
        Date = date,
        Time = time,
        ClientIp = clientIp,
        Host = new Uri(fullUri).Host,
        Method = "GET",
        UserAgent = "Mozilla/5.0 (X11; Linux x86_64)",
        ContentType = "text/html",
        Duration = 120,
        UserName = "alice",
        WebCategory = "Suspicious",
        RespCode = "200",
        UriPort = "80",
        ServerIp = "203.0.113.7",
        ScBytes = 5120,
        CsBytes = 310,
        FullUri = fullUri,
    };

    /// <summary>The row's values in the order of <see cref="SpotTables.Proxy"/>.</summary>
    public object?[] ToRow()
    {
        var schema = SpotTables.Proxy;
        var row = new object?[schema.Columns.Count];
        void Set(string column, object? value) => row[schema.IndexOf(column)] = value;
        Set("p_date", Date);
        Set("p_time", Time);
        Set("clientip", ClientIp);
        Set("host", Host);
        Set("reqmethod", Method);
        Set("useragent", UserAgent);
        Set("resconttype", ContentType);
        Set("duration", Duration);
        Set("username", UserName);
        Set("webcat", WebCategory);
        Set("referer", Referer);
        Set("respcode", RespCode);
        Set("uriport", UriPort);
        Set("serverip", ServerIp);
        Set("scbytes", ScBytes);
        Set("csbytes", CsBytes);
        Set("fulluri", FullUri);
        return row;
    }
}
