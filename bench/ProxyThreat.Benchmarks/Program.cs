using System.Diagnostics;
using System.Globalization;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Search;

// The analysis of one busy threat's expanded search, with few and with many clients on the timeline: its cost
// must follow the rows, not the rows times TopResults.
// Usage: dotnet run -c Release --project bench/ProxyThreat.Benchmarks -- [rows] [rounds]
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
const string Uri = "http://ads.rotator-cdn-gate.biz/lp/gate.php?cid=4471&sub=news";
using var search = Search(rows);
Console.WriteLine($"{rows:N0} rows, {rounds} rounds each, alternating");

var times = new Dictionary<int, List<double>> { [20] = [], [2000] = [] };
for (var round = 0; round < rounds; round++)
{
    foreach (var top in times.Keys)
    {
        var clock = Stopwatch.StartNew();
        var analysis = ThreatAnalyzer.Analyze(Uri, search, new TimelineSettings(top, TimeSpan.FromMinutes(5)), HttpStatusNames.Default);
        times[top].Add(clock.Elapsed.TotalMilliseconds);
        GC.KeepAlive(analysis);
    }
}

double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
Console.WriteLine($"TopResults 20: {Median(times[20]),7:F0} ms; TopResults 2000: {Median(times[2000]),7:F0} ms (medians); ratio {Median(times[2000]) / Median(times[20]):F2}x");

// A day of one popular URI: a few thousand clients, a few dozen referers, rows in time order as Spot sends them.
static SearchRows Search(int rows)
{
    var random = new Random(20160708);
    var search = new SearchRows();
    string[] codes = ["200", "200", "200", "302", "404"];
    for (var i = 0; i < rows; i++)
    {
        var onward = random.Next(10) == 0;
        search.Add(
            new DateTime(2016, 7, 8).AddSeconds(i * 86_400L / rows),
            $"10.0.{random.Next(20)}.{random.Next(1, 200)}",
            onward ? $"http://next-{random.Next(5)}.example/" : Uri,
            onward ? Uri : $"http://news-site-{random.Next(40)}.example/article/{random.Next(40)}",
            "GET",
            "text/html",
            codes[random.Next(codes.Length)],
            random.Next(20, 900));
    }

    return search.Complete();
}
