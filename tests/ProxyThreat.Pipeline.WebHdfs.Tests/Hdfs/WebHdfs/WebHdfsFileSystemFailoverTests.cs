using ProxyThreat.Pipeline.Hdfs.WebHdfs;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs;

public sealed class WebHdfsFileSystemFailoverTests
{
    [Fact]
    public async Task AnyCall_FirstNameNodeStandby_MovesToSecondAndRemembersIt()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        var standby = await emulator.StartStandbyNameNodeAsync();
        await emulator.WriteAsync("/d/a.csv", "1");
        using var hdfs = Clients.Create(false, null, standby, emulator.NameNode);

        Assert.Single(await hdfs.ListAsync("/d", CancellationToken.None));
        await hdfs.CreateAsync("/d/b.csv", Clients.Bytes("2"), CancellationToken.None);
        Assert.Equal("1", await hdfs.ReadAllAsync("/d/a.csv"));

        Assert.Single(emulator.CallsTo(standby));
        Assert.Equal(3, emulator.CallsTo(emulator.NameNode).Count());
        Assert.Equal($"webhdfs://127.0.0.1:{emulator.NameNode.Port}/d", hdfs.Describe("/d"));
    }

    [Fact]
    public async Task Create_RefusedConnectionOnFirstNameNode_UsesSecond()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        using var hdfs = Clients.Create(false, null, WebHdfsEmulator.RefusingAddress(), emulator.NameNode);

        await hdfs.CreateAsync("/d/a.csv", Clients.Bytes("written"), CancellationToken.None);

        Assert.Equal("written", await emulator.ReadAsync("/d/a.csv"));
    }

    [Fact]
    public async Task List_FirstNameNodeSilent_TimesOutAndUsesSecond()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        var silent = await emulator.StartSilentNameNodeAsync();
        await emulator.WriteAsync("/d/a.csv", "1");
        using var hdfs = Clients.Create(false, o => o.Timeout = TimeSpan.FromMilliseconds(300), silent, emulator.NameNode);

        Assert.Single(await hdfs.ListAsync("/d", CancellationToken.None));
        Assert.Single(await hdfs.ListAsync("/d", CancellationToken.None));

        Assert.Single(emulator.CallsTo(silent));
    }

    [Fact]
    public async Task AnyCall_AllNameNodesStandby_FailsAfterRetriesNamingEach()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        var first = await emulator.StartStandbyNameNodeAsync();
        var second = await emulator.StartStandbyNameNodeAsync();
        using var hdfs = Clients.Create(false, o => o.Retries = 2, first, second);

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.ListAsync("/d", CancellationToken.None));

        Assert.Equal($"LISTSTATUS /d failed: no NameNode served it ({first.Authority}: standby; {second.Authority}: standby)", e.Message);
        Assert.True(e.IsTransient);
        Assert.Equal(3, emulator.CallsTo(first).Count());
        Assert.Equal(3, emulator.CallsTo(second).Count());
    }

    [Fact]
    public async Task AnyCall_NoNameNodeReachable_FailsNamingTheCause()
    {
        var refusing = WebHdfsEmulator.RefusingAddress();
        using var hdfs = Clients.Create(false, o => o.Retries = 1, refusing);

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.DeleteAsync("/d/a.csv", CancellationToken.None));

        Assert.StartsWith($"DELETE /d/a.csv failed: no NameNode served it ({refusing.Authority}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("refused", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(e.StatusCode);
    }
}
