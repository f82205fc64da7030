using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Sources.GraphQL;
using ProxyThreat.Pipeline.Sources.GraphQL.Internal;

// What an expanded search of a popular URI holds in memory once mapped: each row's texts as the JSON reader
// made them (the baseline), against texts shared through one StringPool per search (what GraphQLSource does).
// Usage: dotnet run -c Release --project bench/ProxyThreat.Benchmarks -- [rows] [rounds]
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var answer = Answer(rows);
Console.WriteLine($"{rows:N0} rows, {answer.Length / 1024 / 1024} MiB of JSON, {rounds} rounds each, alternating");

var results = new Dictionary<string, List<(double Mib, double Ms)>> { ["baseline"] = [], ["pooled"] = [] };
for (var round = 0; round < rounds; round++)
{
    foreach (var variant in new[] { "baseline", "pooled" })
    {
        results[variant].Add(Measure(answer, variant == "pooled" ? new StringPool() : null));
    }
}

double Median(IEnumerable<double> values) => values.Order().ElementAt(rounds / 2);
var baseline = (Mib: Median(results["baseline"].Select(r => r.Mib)), Ms: Median(results["baseline"].Select(r => r.Ms)));
var pooled = (Mib: Median(results["pooled"].Select(r => r.Mib)), Ms: Median(results["pooled"].Select(r => r.Ms)));
Console.WriteLine($"baseline: {baseline.Mib,8:F1} MiB retained, {baseline.Ms,7:F0} ms (median)");
Console.WriteLine($"pooled:   {pooled.Mib,8:F1} MiB retained, {pooled.Ms,7:F0} ms (median)");
Console.WriteLine($"retained memory, baseline / pooled: {baseline.Mib / pooled.Mib:F2}x; time, pooled / baseline: {pooled.Ms / baseline.Ms:F2}x");

static (double Mib, double Ms) Measure(byte[] answer, StringPool? pool)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var clock = Stopwatch.StartNew();
    var requests = new List<ProxyRequest>();
    var reader = new Utf8JsonReader(answer);
    reader.Read();
    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
    {
        var row = JsonSerializer.Deserialize(ref reader, GraphQLJsonContext.Default.DetailsRow);
        requests.Add(GraphQLSource.ToRequest(row, pool)!);
    }

    var elapsed = clock.Elapsed.TotalMilliseconds;
    var after = GC.GetTotalMemory(forceFullCollection: true);
    GC.KeepAlive(requests);
    GC.KeepAlive(pool);
    return ((after - before) / 1024.0 / 1024.0, elapsed);
}

// A day of one popular URI: a few hundred clients, a few dozen referers, the user agents of a fleet.
static byte[] Answer(int rows)
{
    var random = new Random(20160708);
    string[] agents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0.2704.103 Safari/537.36",
        "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_5) AppleWebKit/601.6.17 (KHTML, like Gecko) Version/9.1.1 Safari/601.6.17",
        "Mozilla/5.0 (Windows NT 10.0; WOW64; rv:47.0) Gecko/20100101 Firefox/47.0",
    ];
    const string Uri = "http://ads.rotator-cdn-gate.biz/lp/gate.php?cid=4471&sub=news";
    var json = new StringBuilder("[");
    for (var i = 0; i < rows; i++)
    {
        var second = i * 86_400L / rows;
        json.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $$"""
            {"datetime":"2016-07-08 {{second / 3600:00}}:{{second / 60 % 60:00}}:{{second % 60:00}}","clientIp":"10.0.{{random.Next(3)}}.{{random.Next(1, 120)}}","username":null,"duration":{{random.Next(20, 900)}},"uri":"{{Uri}}","webCategory":"Suspicious","responseCode":{{(random.Next(10) == 0 ? 302 : 200)}},"requestMethod":"GET","userAgent":"{{agents[random.Next(agents.Length)]}}","responseContentType":"text/html","referer":"http://news-site-{{random.Next(40)}}.example/article/{{random.Next(40)}}","uriPort":80,"serverIp":"203.0.113.77","serverToClientBytes":{{random.Next(200, 9000)}},"clientToServerBytes":{{random.Next(100, 900)}}}
            """);
    }

    return Encoding.UTF8.GetBytes(json.Append(']').ToString());
}
