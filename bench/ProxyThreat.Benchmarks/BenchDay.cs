using System.Globalization;
using DuckDB.NET.Data;

namespace ProxyThreat.Benchmarks;

/// <summary>
/// A deterministic proxy day in Spot's layout: <c>requests</c> rows in 24 hourly Parquet files written by DuckDB
/// (dictionary-encoded, Snappy, as Hive writes them), <c>threats</c> URIs scored 1 whose expanded searches
/// together hold 7.8% of the rows, skewed (the first threat is the busiest).
/// </summary>
internal static class BenchDay
{
    public const string Date = "2016-07-08";
    public const double ThreatShare = 0.078;

    public static string ThreatUri(int i) => string.Create(CultureInfo.InvariantCulture, $"http://gate-{i}.rotator-cdn.biz/lp/go.php?cid={4400 + i}&sub=news");

    public static void Write(string root, int requests, int threats)
    {
        var random = new Random(20160708);
        var hive = Path.Join(root, "user", "spot", "proxy", "hive");
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        Execute(duck, "CREATE TABLE proxy (h INTEGER, p_date VARCHAR, p_time VARCHAR, clientip VARCHAR, host VARCHAR, reqmethod VARCHAR, useragent VARCHAR, resconttype VARCHAR, duration INTEGER, username VARCHAR, authgroup VARCHAR, exceptionid VARCHAR, filterresult VARCHAR, webcat VARCHAR, referer VARCHAR, respcode VARCHAR, action VARCHAR, urischeme VARCHAR, uriport VARCHAR, uripath VARCHAR, uriquery VARCHAR, uriextension VARCHAR, serverip VARCHAR, scbytes INTEGER, csbytes INTEGER, virusid VARCHAR, bcappname VARCHAR, bcappoper VARCHAR, fulluri VARCHAR)");

        var clients = Enumerable.Range(0, 4000).Select(i => $"10.{i / 2000}.{i / 100 % 20}.{i % 100 + 1}").ToArray();
        var pages = Enumerable.Range(0, 6000).Select(i => $"http://site-{i % 1500}.example.com/{Words[i % Words.Length]}/{i / 1500}/index.html?ref={i % 7}").ToArray();
        var agents = Enumerable.Range(0, 12).Select(i => $"Mozilla/5.0 (Windows NT {6 + i % 4}.{i % 3}; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{45 + i}.0.2704.103 Safari/537.36").ToArray();
        string[] types = ["text/html", "image/png", "image/jpeg", "application/javascript", "text/css", "application/json", "application/octet-stream", "image/gif"];
        string[] methods = ["GET", "GET", "GET", "GET", "GET", "GET", "GET", "POST", "POST", "CONNECT", "HEAD"];
        string[] codes = ["200", "200", "200", "200", "200", "304", "304", "302", "404", "500", "403"];
        string[] categories = ["News", "Technology", "Search Engines/Portals", "Advertisements", "Suspicious", "Social Networking"];
        var hourWeights = Enumerable.Range(0, 24).Select(h => h is >= 8 and <= 18 ? 10.0 : h is >= 6 and <= 21 ? 4.0 : 1.0).ToArray();
        var threatWeights = Enumerable.Range(0, threats).Select(i => 1.0 / (i + 1)).ToArray();
        var threatTotal = threatWeights.Sum();
        var threatRows = (int)(requests * ThreatShare);

        using (var appender = duck.CreateAppender("proxy"))
        {
            for (var n = 0; n < requests; n++)
            {
                var hour = Pick(random, hourWeights);
                var second = random.Next(3600);
                var client = clients[Math.Min(clients.Length - 1, (int)(clients.Length * Math.Pow(random.NextDouble(), 2)))];
                string fulluri;
                string? referer;
                if (n < threatRows)
                {
                    var t = Pick(random, threatWeights, threatTotal);
                    var threat = ThreatUri(t);
                    if (random.Next(10) < 7)
                    {
                        fulluri = threat;
                        referer = random.Next(10) switch { 0 => null, 1 => threat, _ => pages[(t * 37 + random.Next(5)) % pages.Length] };
                    }
                    else
                    {
                        fulluri = $"http://gate-{t}.rotator-cdn.biz/lp/step{random.Next(5)}.php?cid={4400 + t}";
                        referer = threat;
                    }
                }
                else
                {
                    fulluri = pages[(int)(pages.Length * Math.Pow(random.NextDouble(), 3))];
                    referer = random.Next(4) == 0 ? null : pages[random.Next(pages.Length)];
                }

                var uri = new Uri(fulluri);
                var row = appender.CreateRow()
                    .AppendValue((int?)hour)
                    .AppendValue(Date)
                    .AppendValue(string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{second / 60:00}:{second % 60:00}"))
                    .AppendValue(random.Next(200) == 0 ? null : client)
                    .AppendValue(uri.Host)
                    .AppendValue(methods[random.Next(methods.Length)])
                    .AppendValue(agents[random.Next(agents.Length)])
                    .AppendValue(types[random.Next(types.Length)])
                    .AppendValue(random.Next(20) == 0 ? null : (int?)random.Next(5, 3000))
                    .AppendValue(random.Next(3) == 0 ? null : $"user{random.Next(800)}")
                    .AppendValue("staff")
                    .AppendValue("-")
                    .AppendValue(random.Next(50) == 0 ? "DENIED" : "OBSERVED")
                    .AppendValue(categories[random.Next(categories.Length)])
                    .AppendValue(referer)
                    .AppendValue(random.Next(100) == 0 ? null : codes[random.Next(codes.Length)])
                    .AppendValue("TCP_NC_MISS")
                    .AppendValue(uri.Scheme)
                    .AppendValue(uri.Port.ToString(CultureInfo.InvariantCulture))
                    .AppendValue(uri.AbsolutePath)
                    .AppendValue(uri.Query)
                    .AppendValue(Path.GetExtension(uri.AbsolutePath).TrimStart('.'))
                    .AppendValue($"203.0.{random.Next(4)}.{random.Next(1, 250)}")
                    .AppendValue((int?)random.Next(200, 90000))
                    .AppendValue((int?)random.Next(100, 2000))
                    .AppendValue("-")
                    .AppendValue("none")
                    .AppendValue("none")
                    .AppendValue(fulluri);
                row.EndRow();
            }
        }

        for (var h = 0; h < 24; h++)
        {
            var folder = Path.Join(hive, "y=2016", "m=07", "d=08", $"h={h:00}");
            Directory.CreateDirectory(folder);
            Execute(duck, $"COPY (SELECT * EXCLUDE (h) FROM proxy WHERE h = {h} ORDER BY p_time) TO '{Path.Join(folder, "000000_0")}' (FORMAT parquet, COMPRESSION snappy)");
        }

        var scores = Path.Join(hive, "oa", "threat_investigation", "y=2016", "m=7", "d=8");
        Directory.CreateDirectory(scores);
        var values = string.Join(",", Enumerable.Range(0, threats).Select(t => $"('{Date}', '{ThreatUri(t)}', 1)"));
        Execute(duck, $"COPY (SELECT * FROM (VALUES {values}) s(tdate, fulluri, uri_sev)) TO '{Path.Join(scores, "000000_0")}' (FORMAT parquet)");
    }

    private static readonly string[] Words = ["news", "sport", "article", "video", "shop", "blog", "mail", "search", "docs", "weather"];

    private static int Pick(Random random, double[] weights, double? total = null)
    {
        var x = random.NextDouble() * (total ?? weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static void Execute(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
