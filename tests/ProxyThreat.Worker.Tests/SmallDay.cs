using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Worker.Tests;

/// <summary>
/// A small Spot day, 2016-07-08, for runs of the worker process: U (scored 1, three requests from two clients)
/// and a URI the checkout's sample decisions dismiss; decisions.jsonl beside them titles U and dismisses the other.
/// </summary>
internal static class SmallDay
{
    public const string U = "http://bad.example/\"q\"%20ünï.exe";

    public const string Dismissed = "http://dismissed.example/";

    public static readonly DateOnly Day = new(2016, 7, 8);

    /// <summary>Writes the day into a folder laid out as the checkout is: samples/hdfs, samples/decisions.jsonl, and decisions.jsonl.</summary>
    public static async Task SeedAsync(string dir)
    {
        var root = Path.Join(dir, "samples/hdfs/user/spot/proxy/hive");
        await WriteAsync(Path.Join(root, "oa/threat_investigation/y=2016/m=7/d=8/000000_0"), SpotTables.ThreatInvestigation, ["2016-07-08", U, 1], ["2016-07-08", "http://dismissed.example/", 1]);
        await WriteAsync(
            Path.Join(root, "y=2016/m=07/d=08/h=10/000000_0"),
            SpotTables.Proxy,
            Raw(Day, "10:00:00", "10.0.0.1", U),
            Raw(Day, "10:00:05", "10.0.0.2", U),
            Raw(Day, "10:00:09", "10.0.0.1", U),
            Raw(Day, "10:00:10", "10.0.0.3", "http://dismissed.example/"));
        await File.WriteAllTextAsync(
            Path.Join(dir, "samples/decisions.jsonl"),
            """
            {"date": "2016-07-08", "uri": "http://dismissed.example/", "action": "dismiss"}
            """);
        await File.WriteAllTextAsync(
            Path.Join(dir, "decisions.jsonl"),
            "{\"date\": \"2016-07-08\", \"uri\": \"http://bad.example/\\\"q\\\"%20ünï.exe\", \"title\": \"Analyst\"}\n{\"date\": \"2016-07-08\", \"uri\": \"http://dismissed.example/\", \"action\": \"dismiss\"}\n");
    }

    /// <summary>A GET answered 200 in Spot's raw proxy table, the other columns null.</summary>
    public static object?[] Raw(DateOnly date, string time, string client, string uri) => new ProxyRow
    {
        Date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Time = time,
        ClientIp = client,
        FullUri = uri,
        RespCode = "200",
        Method = "GET",
    }.ToRow();

    private static async Task WriteAsync(string path, TableSchema schema, params object?[][] rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, await TableFile.EncodeAsync(path, schema, rows, CancellationToken.None));
    }
}
