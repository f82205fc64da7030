using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Provenance;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>A temporary folder standing for HDFS <c>/</c>, with Spot's tables written into it as real files.</summary>
public sealed class SpotFolder : IDisposable
{
    public static readonly DateOnly Day = new(2016, 7, 8);

    public SpotFolder()
    {
        Root = Path.Join(Path.GetTempPath(), "proxythreat-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Hdfs = new LocalHdfs(Root);
    }

    public string Root { get; }

    public LocalHdfs Hdfs { get; }

    public SpotLayout Layout { get; } = new("/user/spot");

    /// <summary>Says what a tables source reading this folder reads for a date.</summary>
    public SourceReadRecorder Reads => new(Options.Create(new SourceOptions { Tables = { Root = Root } }), Layout);

    public string RawHour(int hour, bool padded = true) =>
        padded
            ? $"{Layout.ProxyTable}/y=2016/m=07/d=08/h={hour:00}"
            : $"{Layout.ProxyTable}/y=2016/m=7/d=8/h={hour}";

    public string Scores(bool padded = false) => Oa(Layout.ThreatInvestigationTable, padded);

    public string Storyboard(bool padded = false) => Oa(Layout.StoryboardTable, padded);

    public string Timeline(bool padded = false) => Oa(Layout.TimelineTable, padded);

    public Task WriteAsync(string folder, string fileName, TableSchema schema, params object?[][] rows) =>
        WriteAsync(folder, fileName, schema, (IReadOnlyList<object?[]>)rows);

    public async Task WriteAsync(string folder, string fileName, TableSchema schema, IReadOnlyList<object?[]> rows)
    {
        var path = HdfsPath.Combine(folder, fileName);
        await Hdfs.CreateAsync(path, await TableFile.EncodeAsync(path, schema, rows, CancellationToken.None), CancellationToken.None);
    }

    public Task WriteRawAsync(int hour, string fileName, params RawRow[] rows) =>
        WriteAsync(RawHour(hour), fileName, SpotTables.Proxy, rows.Select(r => r.ToRow()).ToArray());

    public Task WriteScoresAsync(params (string Uri, int? Severity)[] scores) =>
        WriteAsync(Scores(), "000000_0", SpotTables.ThreatInvestigation, scores.Select(s => new object?[] { "2016-07-08", s.Uri, s.Severity }).ToArray());

    /// <summary>Every row of every visible file of a partition folder, in file then row order.</summary>
    public async Task<List<object?[]>> ReadAsync(string folder, TableSchema schema)
    {
        var rows = new List<object?[]>();
        foreach (var file in await PartitionFinder.FilesAsync(Hdfs, [folder], CancellationToken.None))
        {
            await using var stream = await Hdfs.OpenAsync(file.Path, CancellationToken.None);
            rows.AddRange((await TableFile.ReadAsync(stream, schema, file.Path, CancellationToken.None)).Rows);
        }

        return rows;
    }

    /// <summary>All files below a folder with their bytes, hidden ones included.</summary>
    public Dictionary<string, byte[]> Snapshot(string folder)
    {
        var local = Path.Join(Root, folder);
        return !Directory.Exists(local)
            ? []
            : Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(local, f), File.ReadAllBytes);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string Oa(string table, bool padded) =>
        padded ? $"{table}/y=2016/m=07/d=08" : SpotLayout.OaPartition(table, Day);
}
