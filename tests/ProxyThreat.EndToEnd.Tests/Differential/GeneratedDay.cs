using System.Globalization;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Tables;
using ProxyThreat.Pipeline.Tests.Support;

namespace ProxyThreat.EndToEnd.Tests.Differential;

/// <summary>
/// A small proxy day made from a seed, meant to hit every corner of the expanded search and the analysis:
/// rows out of time order within and across files, ties within a second, times with fractions and without a
/// time at all, rows that match two threats, null clients and codes, unknown codes, gaps of exactly the cut.
/// Its hours are written the ways Spot's tables come: CSV stand-ins, Parquet.Net files, and DuckDB files
/// (dictionary and plain pages, Snappy, ZSTD and gzip, many row groups), in padded and unpadded partitions.
/// </summary>
internal static class GeneratedDay
{
    public static readonly DateOnly Date = new(2016, 7, 8);

    public static readonly string[] Threats =
    [
        "http://ads.example/rot.php?c=9",
        "http://gate.example/lp?id=1",
        "http://exämple.com/p\"q?x=ü&y=日本%20z",
        "http://cdn.example/js/app.js",
        "http://quiet.example/",
    ];

    private const string Medium = "http://bad.example/dl.exe";

    public static async Task WriteAsync(string root, int seed)
    {
        var random = new Random(seed);
        var hdfs = new LocalHdfs(root);
        var layout = new SpotLayout("/user/spot");
        var clients = Enumerable.Range(0, 30).Select(i => $"10.0.{i / 12}.{i % 12 + 1}").Append(null).ToArray();
        var pages = Enumerable.Range(0, 12).Select(i => $"http://news-{i}.example/a/{i * 7}").ToArray();
        var onward = Enumerable.Range(0, 8).Select(i => $"http://next-{i}.example/p?{i}").ToArray();
        string?[] codes = ["200", "200", "200", "304", "404", "500", "999", null];
        string?[] methods = ["GET", "GET", "POST", "CONNECT", null];
        string?[] types = ["text/html", "image/png", "application/javascript", null];
        var hours = Enumerable.Range(0, 24).Where(_ => random.Next(3) > 0).ToArray();

        var rows = new List<object?[]>();
        for (var n = 0; n < 2500; n++)
        {
            var hour = hours[random.Next(hours.Length)];
            var threat = Threats[Math.Min(random.Next(4), random.Next(4))];
            var other = random.Next(20) == 0 ? Threats[random.Next(Threats.Length - 1)] : null;
            var (fulluri, referer) = random.Next(10) switch
            {
                < 3 => (pages[random.Next(pages.Length)], random.Next(3) == 0 ? null : pages[random.Next(pages.Length)]),
                < 7 => (threat, random.Next(6) switch { 0 => null, 1 => threat, 2 => other ?? Medium, _ => pages[random.Next(pages.Length)] }),
                _ => (random.Next(8) == 0 ? other ?? Medium : onward[random.Next(onward.Length)], threat),
            };

            // A busy client returns every few minutes, so sessions sit right at the gap.
            var minute = random.Next(60);
            var second = random.Next(4) == 0 ? 0 : random.Next(60);
            var time = random.Next(40) switch
            {
                0 => null,
                1 => string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}:{second:00}.250"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}:{second:00}"),
            };
            rows.Add(Raw(
                random.Next(50) == 0 ? null : "2016-07-08",
                time,
                clients[Math.Min(random.Next(clients.Length), random.Next(clients.Length))],
                fulluri,
                referer,
                methods[random.Next(methods.Length)],
                types[random.Next(types.Length)],
                codes[random.Next(codes.Length)],
                random.Next(10) == 0 ? null : random.Next(1, 5000)));
        }

        foreach (var hour in hours)
        {
            var ofHour = rows.Where(r => Hour(r) == hour || (Hour(r) is null && hour == hours[0])).ToList();
            if (random.Next(2) == 0)
            {
                ofHour = ofHour.OrderBy(r => (string?)r[1], StringComparer.Ordinal).ToList();
            }

            var padded = hour % 5 != 3;
            var folder = padded
                ? string.Create(CultureInfo.InvariantCulture, $"{layout.ProxyTable}/y=2016/m=07/d=08/h={hour:00}")
                : string.Create(CultureInfo.InvariantCulture, $"{layout.ProxyTable}/y=2016/m=7/d=8/h={hour}");
            var split = random.Next(2) == 0 ? ofHour.Count : random.Next(ofHour.Count + 1);
            await WriteRawAsync(hdfs, root, folder, "000000_0", ofHour[..split], hour);
            if (split < ofHour.Count)
            {
                await WriteRawAsync(hdfs, root, folder, "000000_0_copy_1", ofHour[split..], hour + 1);
            }
        }

        var scores = Threats.Select(t => new object?[] { "2016-07-08", t, 1 }).Append(["2016-07-08", Medium, 2]).Append(["2016-07-08", Threats[0], 1]).ToList();
        await WriteAsync(hdfs, SpotLayout.OaPartition(layout.ThreatInvestigationTable, Date) + "/000000_0", SpotTables.ThreatInvestigation, scores);
        await WriteAsync(hdfs, SpotLayout.OaPartition(layout.StoryboardTable, Date) + "/000000_0", SpotTables.Storyboard,
            [[Threats[3], "Library hijacked", "An analyst's words, \"quoted\"."]]);
    }

    private static int? Hour(object?[] row) => row[1] is string time ? int.Parse(time[..2], CultureInfo.InvariantCulture) : null;

    /// <summary>Each hour's files come from another writer, by the hour.</summary>
    private static async Task WriteRawAsync(LocalHdfs hdfs, string root, string folder, string name, IReadOnlyList<object?[]> rows, int kind)
    {
        switch (kind % 6)
        {
            case 0:
                await WriteAsync(hdfs, $"{folder}/hand-made.csv", SpotTables.Proxy, rows);
                break;
            case 1:
                await WriteAsync(hdfs, $"{folder}/{name}", SpotTables.Proxy, rows);
                break;
            default:
                var options = (kind % 6) switch
                {
                    2 => "COMPRESSION snappy",
                    3 => "COMPRESSION zstd, ROW_GROUP_SIZE 64",
                    4 => "COMPRESSION gzip, ROW_GROUP_SIZE 100",
                    _ => "COMPRESSION uncompressed",
                };
                var path = Path.Join(root, folder.TrimStart('/'), name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                DuckDbWriter.Write(path, SpotTables.Proxy, rows, options);
                break;
        }
    }

    private static async Task WriteAsync(LocalHdfs hdfs, string path, TableSchema schema, IReadOnlyList<object?[]> rows) =>
        await hdfs.CreateAsync(path, await TableFile.EncodeAsync(path, schema, rows, CancellationToken.None), CancellationToken.None);

    private static object?[] Raw(string? date, string? time, string? clientIp, string fulluri, string? referer, string? method, string? type, string? code, int? duration) =>
        (ProxyRow.Full(date, time, clientIp, fulluri) with
        {
            Referer = referer,
            Method = method,
            ContentType = type,
            RespCode = code,
            Duration = duration,
            UserName = clientIp is null ? null : "alice",
        }).ToRow();
}
