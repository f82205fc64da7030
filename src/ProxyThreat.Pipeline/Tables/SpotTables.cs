namespace ProxyThreat.Pipeline.Tables;

/// <summary>Spot's DDL for the proxy tables the worker reads and writes (FORMATS.md section 2).</summary>
public static class SpotTables
{
    public static TableSchema Proxy { get; } = new(
        "proxy",
        Text("p_date"), Text("p_time"), Text("clientip"), Text("host"), Text("reqmethod"), Text("useragent"),
        Text("resconttype"), new("duration", ColumnType.Int), Text("username"), Text("authgroup"),
        Text("exceptionid"), Text("filterresult"), Text("webcat"), Text("referer"), Text("respcode"),
        Text("action"), Text("urischeme"), Text("uriport"), Text("uripath"), Text("uriquery"),
        Text("uriextension"), Text("serverip"), new("scbytes", ColumnType.Int), new("csbytes", ColumnType.Int),
        Text("virusid"), Text("bcappname"), Text("bcappoper"), Text("fulluri"));

    public static TableSchema ThreatInvestigation { get; } = new(
        "proxy_threat_investigation",
        Text("tdate"), Text("fulluri"), new("uri_sev", ColumnType.Int));

    public static TableSchema Storyboard { get; } = new(
        "proxy_storyboard",
        Text("p_threat"), Text("title"), Text("text"));

    public static TableSchema Timeline { get; } = new(
        "proxy_timeline",
        Text("p_threat"), Text("tstart"), Text("tend"), new("duration", ColumnType.BigInt), Text("clientip"),
        Text("respcode"), Text("respcodename"));

    private static TableColumn Text(string name) => new(name, ColumnType.String);
}
