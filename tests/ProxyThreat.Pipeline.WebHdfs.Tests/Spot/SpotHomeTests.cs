using ProxyThreat.Pipeline.Output;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;
using ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Spot;

/// <summary>On HDFS the worker writes under Spot's home and never creates it: a wrong Spot:Root writes nothing.</summary>
public sealed class SpotHomeTests
{
    private static readonly SpotLayout Typo = new("/user/spto");

    [Fact]
    public async Task Require_SpotRootMissingOnHdfs_ThrowsNamingSpotRootThePathAndTheOutput()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        Directory.CreateDirectory(emulator.Local("/user/spot"));
        using var hdfs = Clients.Create(emulator);

        var e = await Assert.ThrowsAsync<SpotHomeMissingException>(() => new SpotHome(hdfs, Typo, HdfsKind.WebHdfs).RequireAsync(CancellationToken.None));

        Assert.Equal(
            $"Spot:Root /user/spto does not exist on HDFS (webhdfs://{emulator.NameNode.Authority}/user/spto): the worker creates Spot's partitions, never Spot's home; check Spot:Root (HUSER in spot.conf)",
            e.Message);
        Assert.False(Directory.Exists(emulator.Local("/user/spto")));
    }

    [Fact]
    public async Task Require_SpotRootThereWithoutPartitions_TakesOneStatusCall()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        Directory.CreateDirectory(emulator.Local("/user/spot"));
        using var hdfs = Clients.Create(emulator);

        await new SpotHome(hdfs, new SpotLayout("/user/spot"), HdfsKind.WebHdfs).RequireAsync(CancellationToken.None);

        var call = Assert.Single(emulator.Calls);
        Assert.Equal(("GETFILESTATUS", "/user/spot"), (call.Operation, call.Path));
    }

    [Fact]
    public async Task Probe_FileWhereAParentOfSpotRootShouldBe_NamesTheFile()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        await File.WriteAllTextAsync(emulator.Local("/user"), "not a folder");
        using var hdfs = Clients.Create(emulator);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => new SpotHome(hdfs, new SpotLayout("/user/spot"), HdfsKind.WebHdfs).ProbeAsync(CancellationToken.None));

        Assert.Equal($"webhdfs://{emulator.NameNode.Authority}/user is a file, not a folder, so nothing can be written under Spot:Root /user/spot", e.Message);
    }

    [Fact]
    public async Task Require_LocalOutputWithoutSpotRoot_AsksNothingAndLetsTheWriterCreateIt()
    {
        var local = Directory.CreateTempSubdirectory("spot-home-");
        try
        {
            var home = new SpotHome(new LocalHdfs(local.FullName), new SpotLayout("/user/spot"), HdfsKind.Local);

            await home.RequireAsync(CancellationToken.None);

            Assert.EndsWith("/user/spot does not exist yet; the local output creates it", await home.ProbeAsync(CancellationToken.None), StringComparison.Ordinal);
        }
        finally
        {
            local.Delete(recursive: true);
        }
    }

    /// <summary>A report follows a date's failures too: it must not create the home they failed on.</summary>
    [Fact]
    public async Task WriteReport_SpotRootMissingOnHdfs_FailsAndCreatesNothing()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        using var hdfs = Clients.Create(emulator);

        await Assert.ThrowsAsync<SpotHomeMissingException>(() => new SpotWriter(hdfs, Typo, HdfsKind.WebHdfs).WriteReportAsync(new DateOnly(2016, 7, 8), "<html></html>"u8.ToArray(), CancellationToken.None));

        Assert.Empty(Directory.GetFileSystemEntries(emulator.Root));
        Assert.DoesNotContain(emulator.Calls, c => c.Method != "GET");
    }
}
