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
    public object?[] ToRow() => new ProxyRow
    {
        Date = Date,
        Time = Time,
        ClientIp = ClientIp,
        FullUri = FullUri,
        Referer = Referer,
        Method = Method,
        ContentType = ContentType,
        RespCode = RespCode,
        Duration = Duration,
        UserAgent = "Mozilla/5.0",
        ScBytes = 512,
        CsBytes = 128,
    }.ToRow();
}
