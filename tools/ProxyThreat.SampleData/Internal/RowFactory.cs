namespace ProxyThreat.SampleData.Internal;

/// <summary>Builds proxy rows the way a Blue Coat appliance logs them.</summary>
internal static class RowFactory
{
    /// <summary>A request by a client (null: the appliance lost the address) for a URI served by a site.</summary>
    public static ProxyRow Request(Random rng, Client? client, int second, string fullUri, string? referer, Site site, string method = "GET")
    {
        var parts = UriParts.Split(fullUri);

        // An authenticated client's first request of a connection carries no user name yet.
        var anonymous = client?.Username is null || rng.NextDouble() < 0.05;
        return new ProxyRow
        {
            Second = second,
            Appliance = client?.Appliance ?? 0,
            ClientIp = client?.Ip,
            Host = parts.Host,
            ReqMethod = method,
            UserAgent = client?.UserAgent,
            Username = anonymous ? null : client!.Username,
            AuthGroup = anonymous ? null : client!.AuthGroup,
            WebCat = site.Category,
            Referer = referer,
            UriScheme = parts.Scheme,
            UriPort = parts.Port,
            UriPath = parts.Path,
            UriQuery = parts.Query,
            UriExtension = parts.Extension,
            ServerIp = site.ServerIp,
            BcAppName = site.App,
            FullUri = fullUri,
            ResContType = ContentType(parts.Extension),
            CsBytes = rng.Next(280, 1400) + (method == "POST" ? rng.Next(200, 6000) : 0),
        };
    }

    /// <summary>The server's answer: code, cache action, time taken and bytes sent back.</summary>
    public static ProxyRow Answer(Random rng, ProxyRow row, string? code)
    {
        var cached = code == "304" || (code == "200" && row.UriExtension is "js" or "css" or "png" or "gif" or "jpg" or "woff2" && rng.NextDouble() < 0.3);
        var body = row.ResContType switch
        {
            "text/html" => rng.Next(4_000, 120_000),
            "application/javascript" => rng.Next(2_000, 250_000),
            "application/octet-stream" => rng.Next(200_000, 2_000_000),
            "image/png" or "image/jpeg" => rng.Next(800, 90_000),
            _ => rng.Next(200, 30_000),
        };
        return row with
        {
            RespCode = code,
            Action = code switch
            {
                "304" => "TCP_HIT",
                "200" when cached => "TCP_HIT",
                "500" or "502" or "503" or "999" or null => "TCP_ERR_MISS",
                _ => "TCP_NC_MISS",
            },
            FilterResult = cached ? "PROXIED" : "OBSERVED",
            ResContType = code is "304" or null ? null : code is "302" or "404" or "500" or "503" or "418" or "999" ? "text/html" : row.ResContType,
            Duration = cached ? rng.Next(1, 40) : code is null ? rng.Next(30_000, 60_000) : rng.Next(15, 1_800),
            ScBytes = code switch
            {
                "200" => body,
                "304" => rng.Next(180, 420),
                null => 0,
                _ => rng.Next(300, 2_500),
            },
        };
    }

    /// <summary>The category policy refused the request.</summary>
    public static ProxyRow Denied(Random rng, ProxyRow row) => row with
    {
        RespCode = "403",
        Action = "TCP_DENIED",
        FilterResult = "DENIED",
        ExceptionId = "policy_denied",
        ResContType = "text/html",
        Duration = rng.Next(0, 5),
        ScBytes = rng.Next(1_800, 2_400),
    };

    private static string? ContentType(string? extension) => extension switch
    {
        null or "html" or "htm" or "php" or "jsp" or "aspx" => "text/html",
        "js" => "application/javascript",
        "css" => "text/css",
        "png" => "image/png",
        "gif" => "image/gif",
        "jpg" => "image/jpeg",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "swf" => "application/x-shockwave-flash",
        "pdf" => "application/pdf",
        "svc" => "application/json",
        "cab" => "application/vnd.ms-cab-compressed",
        _ => "application/octet-stream",
    };
}
