using System.Globalization;

namespace ProxyThreat.SampleData.Internal;

/// <summary>One raw proxy request being generated; <see cref="Second"/> is its time of day.</summary>
internal sealed record ProxyRow
{
    public required int Second { get; init; }

    /// <summary>Which of the two proxy appliances logged it (decides the file of a two-file hour).</summary>
    public int Appliance { get; init; }

    public string? ClientIp { get; init; }
    public required string Host { get; init; }
    public string ReqMethod { get; init; } = "GET";
    public string? UserAgent { get; init; }
    public string? ResContType { get; init; }
    public int? Duration { get; init; }
    public string? Username { get; init; }
    public string? AuthGroup { get; init; }
    public string? ExceptionId { get; init; } = "-";
    public string FilterResult { get; init; } = "OBSERVED";
    public string? WebCat { get; init; }
    public string? Referer { get; init; }
    public string? RespCode { get; init; } = "200";
    public string? Action { get; init; } = "TCP_NC_MISS";
    public required string UriScheme { get; init; }
    public string? UriPort { get; init; }
    public string? UriPath { get; init; }
    public string? UriQuery { get; init; }
    public string? UriExtension { get; init; }
    public string? ServerIp { get; init; }
    public int? ScBytes { get; init; }
    public int? CsBytes { get; init; }
    public string? VirusId { get; init; } = "-";
    public string? BcAppName { get; init; } = "-";
    public string? BcAppOper { get; init; } = "-";
    public required string FullUri { get; init; }

    public int Hour => Second / 3600;

    /// <summary>The values in the column order of <c>SpotTables.Proxy</c>.</summary>
    public object?[] ToColumns() =>
    [
        SampleThreats.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(Second)).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        ClientIp, Host, ReqMethod, UserAgent, ResContType, Duration, Username, AuthGroup, ExceptionId, FilterResult,
        WebCat, Referer, RespCode, Action, UriScheme, UriPort, UriPath, UriQuery, UriExtension, ServerIp, ScBytes,
        CsBytes, VirusId, BcAppName, BcAppOper, FullUri,
    ];
}
