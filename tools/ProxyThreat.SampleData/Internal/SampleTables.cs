using System.Globalization;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.SampleData.Internal;

/// <summary>Writes the sample's tables as Parquet files in Spot's partition layout, with Hive's file names.</summary>
internal sealed class SampleTables
{
    /// <summary>Hours logged by both appliances: the second appliance's rows arrive in a second Hive file.</summary>
    public static IReadOnlySet<int> TwoFileHours { get; } = new HashSet<int> { 10, 15 };

    private const string FirstFile = "000000_0";
    private const string CopyFile = "000000_0_copy_1";

    private readonly LocalHdfs _hdfs;
    private readonly SpotLayout _layout;

    public SampleTables(string hdfsRoot, SpotLayout layout)
    {
        _hdfs = new LocalHdfs(hdfsRoot);
        _layout = layout;
    }

    public async Task WriteProxyAsync(IReadOnlyList<ProxyRow> rows, CancellationToken cancellationToken)
    {
        var date = SampleThreats.Date;
        for (var hour = 0; hour < 24; hour++)
        {
            var folder = string.Create(CultureInfo.InvariantCulture, $"{_layout.ProxyTable}/y={date.Year:D4}/m={date.Month:D2}/d={date.Day:D2}/h={hour:D2}");
            var inHour = rows.Where(r => r.Hour == hour).ToList();
            var split = TwoFileHours.Contains(hour);
            await WriteAsync($"{folder}/{FirstFile}", SpotTables.Proxy, inHour.Where(r => !split || r.Appliance == 0).Select(r => r.ToColumns()).ToList(), cancellationToken);
            if (split)
            {
                await WriteAsync($"{folder}/{CopyFile}", SpotTables.Proxy, inHour.Where(r => r.Appliance != 0).Select(r => r.ToColumns()).ToList(), cancellationToken);
            }
        }
    }

    public Task WriteThreatsAsync(IEnumerable<(string Uri, int Severity)> scores, CancellationToken cancellationToken) =>
        WriteAsync(
            $"{SpotLayout.OaPartition(_layout.ThreatInvestigationTable, SampleThreats.Date)}/{FirstFile}",
            SpotTables.ThreatInvestigation,
            scores.Select(s => new object?[] { SampleThreats.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Uri, s.Severity }).ToList(),
            cancellationToken);

    public Task WriteStoryboardAsync(string uri, string title, string text, CancellationToken cancellationToken) =>
        WriteAsync(
            $"{SpotLayout.OaPartition(_layout.StoryboardTable, SampleThreats.Date)}/{FirstFile}",
            SpotTables.Storyboard,
            [[uri, title, text]],
            cancellationToken);

    private async Task WriteAsync(string path, TableSchema schema, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken) =>
        await _hdfs.CreateAsync(path, await TableFile.EncodeAsync(path, schema, rows, cancellationToken), cancellationToken);
}
