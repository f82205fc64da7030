using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ProxyThreat.Pipeline.Hdfs;

namespace ProxyThreat.Pipeline.Spot;

/// <summary>Where Spot keeps each proxy table and file under its HDFS home (FORMATS.md section 1).</summary>
public sealed class SpotLayout
{
    public SpotLayout(string root)
    {
        Root = HdfsPath.Normalize(root);
    }

    public string Root { get; }

    public string ProxyTable => $"{Root}/proxy/hive";

    public string ThreatInvestigationTable => $"{Root}/proxy/hive/oa/threat_investigation";

    public string StoryboardTable => $"{Root}/proxy/hive/oa/storyboard";

    public string TimelineTable => $"{Root}/proxy/hive/oa/timeline";

    /// <summary>The unpadded partition folder the OA tables are written to (<c>y=2016/m=7/d=8</c>).</summary>
    public static string OaPartition(string table, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{table}/y={date.Year}/m={date.Month}/d={date.Day}");

    public string IncidentProgressionDirectory(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{Root}/proxy/oa/storyboard/{date.Year}/{date.Month}/{date.Day}");

    public string IncidentProgressionPath(DateOnly date, string uri) =>
        $"{IncidentProgressionDirectory(date)}/{IncidentProgressionFileName(uri)}";

    /// <summary>The date's HTML report, beside its incident files (<c>Report:Publish</c>).</summary>
    public string ReportPath(DateOnly date) => $"{IncidentProgressionDirectory(date)}/report.html";

    public static string IncidentProgressionFileName(string uri) => $"incident-progression-{Md5(uri)}.json";

    /// <summary>Lowercase hex MD5 of the URI's UTF-8 bytes: the name Spot's UI recomputes.</summary>
    public static string Md5(string uri) =>
#pragma warning disable CA5351 // MD5 names the file as Spot's UI expects; it protects nothing.
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(uri)));
#pragma warning restore CA5351
}
