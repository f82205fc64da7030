using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>A row of Spot's raw proxy table for tests; unnamed columns stay null.</summary>
public sealed record RawRow(
    string Time,
    string? ClientIp,
    string? FullUri,
    string? Referer = null,
    string? Method = "GET",
    string? ContentType = "text/html",
    string? RespCode = "200",
    int? Duration = 100,
    string Date = "2016-07-08")
{
    public object?[] ToRow()
    {
        var schema = SpotTables.Proxy;
        var row = new object?[schema.Columns.Count];
        void Set(string column, object? value) => row[schema.IndexOf(column)] = value;
        Set("p_date", Date);
        Set("p_time", Time);
        Set("clientip", ClientIp);
        Set("fulluri", FullUri);
        Set("referer", Referer);
        Set("reqmethod", Method);
        Set("resconttype", ContentType);
        Set("respcode", RespCode);
        Set("duration", Duration);
        Set("useragent", "Mozilla/5.0");
        Set("scbytes", 512);
        Set("csbytes", 128);
        return row;
    }
}
