using System.Globalization;
using System.Text;

namespace ProxyThreat.Benchmarks;

/// <summary>
/// Spot's answer to the expanded search of one popular URI, deterministically: a few hundred clients, a few
/// dozen referring pages, the user agents of a fleet, rows in time order as Impala sends them (about 535 bytes
/// a row).
/// </summary>
internal static class DetailsAnswer
{
    public const string Uri = "http://ads.rotator-cdn-gate.biz/lp/gate.php?cid=4471&sub=news";

    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0.2704.103 Safari/537.36",
        "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_5) AppleWebKit/601.6.17 (KHTML, like Gecko) Version/9.1.1 Safari/601.6.17",
        "Mozilla/5.0 (Windows NT 10.0; WOW64; rv:47.0) Gecko/20100101 Firefox/47.0",
    ];

    public static byte[] Build(int rows)
    {
        var random = new Random(20160708);
        var json = new StringBuilder(rows * 540);
        json.Append("""{"data":{"proxy":{"threat":{"details":[""");
        for (var i = 0; i < rows; i++)
        {
            var second = i * 86_400L / rows;
            json.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $$"""
                {"datetime":"2016-07-08 {{second / 3600:00}}:{{second / 60 % 60:00}}:{{second % 60:00}}","clientIp":"10.0.{{random.Next(3)}}.{{random.Next(1, 120)}}","username":null,"duration":{{random.Next(20, 900)}},"uri":"{{Uri}}","webCategory":"Suspicious","responseCode":{{(random.Next(10) == 0 ? 302 : 200)}},"requestMethod":"GET","userAgent":"{{Agents[random.Next(Agents.Length)]}}","responseContentType":"text/html","referer":"http://news-site-{{random.Next(40)}}.example/article/{{random.Next(40)}}","uriPort":80,"serverIp":"203.0.113.77","serverToClientBytes":{{random.Next(200, 9000)}},"clientToServerBytes":{{random.Next(100, 900)}}}
                """);
        }

        return Encoding.UTF8.GetBytes(json.Append("]}}}}").ToString());
    }
}
