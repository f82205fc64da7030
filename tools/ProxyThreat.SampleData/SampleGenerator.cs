using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.SampleData.Internal;

namespace ProxyThreat.SampleData;

/// <summary>
/// Generates the sample: one proxy day in Spot's HDFS layout (<c>hdfs/</c>, standing for HDFS <c>/</c>, Spot home
/// <c>/user/spot</c>) and analyst decisions (<c>decisions.jsonl</c>). Deterministic: one seed, no clock, fixed names.
/// </summary>
public static class SampleGenerator
{
    public const int Seed = 20160708;

    public const int Requests = 20_000;

    public const string SpotHome = "/user/spot";

    private static readonly JsonSerializerOptions JsonOptions = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static async Task GenerateAsync(string outputFolder, CancellationToken cancellationToken)
    {
        var output = Path.GetFullPath(outputFolder);
        var hdfsRoot = Path.Join(output, "hdfs");
        if (Directory.Exists(hdfsRoot))
        {
            Directory.Delete(hdfsRoot, recursive: true);
        }

        Directory.CreateDirectory(hdfsRoot);
        var rng = new Random(Seed);
        var clients = ClientPool.Create(rng, 320);
        var catalog = SiteCatalog.Create(rng);

        var rows = new List<ProxyRow>();
        new GateTraffic(rng, catalog).Generate(rows, clients.Take(36).ToList());
        var threats = new ThreatTraffic(rng, catalog);
        threats.PhishingDownload(rows, clients.Skip(40).Take(4).ToList());
        threats.BotnetBeacon(rows, clients[50]);
        threats.CredentialPhish(rows, clients.Skip(60).Take(9).ToList());
        threats.AdwareScript(rows, clients.Skip(70).Take(6).ToList());
        rows.AddRange(new BrowsingTraffic(rng, clients, catalog).Generate(Requests - rows.Count));

        var tables = new SampleTables(hdfsRoot, new SpotLayout(SpotHome));
        await tables.WriteProxyAsync(rows.OrderBy(r => r.Second).ToList(), cancellationToken);
        await tables.WriteThreatsAsync(SampleThreats.Scores, cancellationToken);
        await tables.WriteStoryboardAsync(
            SampleThreats.BotnetBeacon,
            "Bot beacon from " + clients[50].Ip,
            "Workstation " + clients[50].Ip + " posts to 203.0.113.77/gate.php every 15 minutes with a forged MSIE 7 agent "
                + "from 09:12: a bot checking in with its controller. Host isolated and reimaged (ticket SEC-2291).",
            cancellationToken);
        await WriteDecisionsAsync(Path.Join(output, "decisions.jsonl"), cancellationToken);
    }

    private static async Task WriteDecisionsAsync(string path, CancellationToken cancellationToken)
    {
        var date = SampleThreats.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Decision[] decisions =
        [
            new(date, SampleThreats.PhishingDownload, "Fake \"invoice\" download (Trojan.GenericKD)",
                "Users followed a mail link or the rotator-cdn-gate redirect to an IDN look-alike host serving "
                + "Rechnung_\"Juli-2016\"%20Straße_Müller.exe; the antivirus blocked some downloads. Block the host, "
                + "scan the clients that received a 200.", "investigate"),
            new(date, SampleThreats.CredentialPhish, null, null, "dismiss"),
        ];
        var text = new StringBuilder();
        foreach (var decision in decisions)
        {
            text.Append(JsonSerializer.Serialize(decision, JsonOptions)).Append('\n');
        }

        await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
    }
}
