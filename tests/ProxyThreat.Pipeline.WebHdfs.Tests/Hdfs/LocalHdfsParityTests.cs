using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;
using ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs;

/// <summary>The same script on a local folder and on WebHDFS gives the same transcript.</summary>
public sealed class LocalHdfsParityTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Script_OnLocalAndWebHdfs_GivesTheSameTranscript(bool httpFs)
    {
        var local = Directory.CreateTempSubdirectory("local-hdfs-");
        try
        {
            await using var emulator = await WebHdfsEmulator.StartAsync(httpFs);
            using var web = Clients.Create(emulator);

            var expected = await RunAsync(new LocalHdfs(local.FullName));
            var actual = await RunAsync(web);

            Assert.Equal(expected, actual);
        }
        finally
        {
            local.Delete(recursive: true);
        }
    }

    private static async Task<List<string>> RunAsync(IHdfs hdfs)
    {
        const string day = "/user/spot/proxy/hive/oa/timeline/y=2024/m=7/d=1";
        var transcript = new List<string>();
        var none = CancellationToken.None;

        async Task ListAsync(string directory) =>
            transcript.Add($"list {directory}: " + string.Join(", ", (await hdfs.ListAsync(directory, none)).Select(e => $"{e.Path}|{e.Name}|{e.IsDirectory}|{e.Length}")));

        await ListAsync(day);
        await hdfs.CreateAsync($"{day}/part-0.csv", Clients.Bytes("p_threat,tstart\nu,2024-07-01 00:00:00\n"), none);
        await hdfs.CreateAsync($"{day}/.part-1.csv.tmp", Clients.Bytes("p_threat\nv\n"), none);
        await hdfs.CreateAsync($"{day}/sub/nested.csv", Clients.Bytes("n"), none);
        await ListAsync(day);
        foreach (var path in new[] { day, $"{day}/part-0.csv", $"{day}/no-such-file", $"{day}/part-0.csv/below-a-file" })
        {
            transcript.Add($"status {path}: " + (await hdfs.GetStatusAsync(path, none) is { } e ? $"{e.Path}|{e.Name}|{e.IsDirectory}|{e.Length}" : "none"));
        }

        transcript.Add("open: " + await hdfs.ReadAllAsync($"{day}/part-0.csv"));
        await hdfs.RenameAsync($"{day}/.part-1.csv.tmp", $"{day}/part-0.csv", none);
        await ListAsync(day);
        transcript.Add("open after rename: " + await hdfs.ReadAllAsync($"{day}/part-0.csv"));
        await hdfs.CreateAsync($"{day}/part-0.csv", Clients.Bytes("replaced"), none);
        transcript.Add("open after create: " + await hdfs.ReadAllAsync($"{day}/part-0.csv"));
        await hdfs.DeleteAsync($"{day}/part-0.csv", none);
        await hdfs.DeleteAsync($"{day}/part-0.csv", none);
        await ListAsync(day);
        await ListAsync($"{day}/sub/nested.csv");

        // A missing folder is empty, not an error: listing it and deleting from it both succeed.
        await ListAsync($"{day}/no-such-folder");
        await hdfs.DeleteAsync($"{day}/no-such-folder/proxythreat-0.parquet", none);
        transcript.Add("deleted from a missing folder");
        return transcript;
    }
}
