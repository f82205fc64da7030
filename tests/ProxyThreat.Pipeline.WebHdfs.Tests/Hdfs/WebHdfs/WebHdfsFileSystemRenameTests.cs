using ProxyThreat.Pipeline.Hdfs.WebHdfs;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs;

public sealed class WebHdfsFileSystemRenameTests
{
    private const string Source = "/user/spot/proxy/hive/oa/storyboard/y=2024/m=7/d=1/.part-0.parquet.tmp";
    private const string Destination = "/user/spot/proxy/hive/oa/storyboard/y=2024/m=7/d=1/part-0.parquet";
    private const string Backup = "/user/spot/proxy/hive/oa/storyboard/y=2024/m=7/d=1/.part-0.parquet.proxythreat-backup";

    [Fact]
    public async Task Rename_OverExistingFileOnNameNode_ReplacesInOneStep()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        await emulator.WriteAsync(Source, "new");
        await emulator.WriteAsync(Destination, "old");
        using var hdfs = Clients.Create(emulator);

        await hdfs.RenameAsync(Source, Destination, CancellationToken.None);

        Assert.Equal(("new", null), (await emulator.ReadAsync(Destination), await emulator.ReadAsync(Source)));
        var rename = Assert.Single(emulator.Calls, c => c.Operation == "RENAME");
        Assert.Contains("renameoptions=OVERWRITE", rename.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rename_OverExistingFileOnHttpFs_ReplacesWithoutLoss()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs: true);
        await emulator.WriteAsync(Source, "new");
        await emulator.WriteAsync(Destination, "old");
        using var hdfs = Clients.Create(emulator);

        await hdfs.RenameAsync(Source, Destination, CancellationToken.None);

        Assert.Equal("new", await emulator.ReadAsync(Destination));
        Assert.Equal(
            ["part-0.parquet"],
            (await hdfs.ListAsync(HdfsPathParent(Destination), CancellationToken.None)).Select(e => e.Name));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rename_ToNewFileInMissingFolder_CreatesFolderAndMoves(bool httpFs)
    {
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs);
        await emulator.WriteAsync(Source, "new");
        using var hdfs = Clients.Create(emulator);

        await hdfs.RenameAsync(Source, "/elsewhere/deep/x.parquet", CancellationToken.None);

        Assert.Equal("new", await emulator.ReadAsync("/elsewhere/deep/x.parquet"));
    }

    [Fact]
    public async Task Rename_OnHttpFsWhenMovingSourceFails_KeepsDestinationData()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs: true);
        await emulator.WriteAsync(Source, "new");
        await emulator.WriteAsync(Destination, "old");
        var renamesOfSource = 0;
        emulator.DenyWhen = c => c.Operation == "RENAME" && c.Path == Source && Interlocked.Increment(ref renamesOfSource) == 2;
        using var hdfs = Clients.Create(emulator);

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.RenameAsync(Source, Destination, CancellationToken.None));

        Assert.StartsWith($"RENAME {Source} -> {Destination} failed: AccessControlException: Permission denied", e.Message, StringComparison.Ordinal);
        Assert.Equal(("old", "new", null), (await emulator.ReadAsync(Destination), await emulator.ReadAsync(Source), await emulator.ReadAsync(Backup)));
    }

    [Fact]
    public async Task Rename_OnHttpFsWhenDeletingBackupFails_StillReplacesAndNextRenameCleansUp()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs: true);
        await emulator.WriteAsync(Source, "new");
        await emulator.WriteAsync(Destination, "old");
        emulator.DenyWhen = c => c.Operation == "DELETE";
        using var hdfs = Clients.Create(emulator);

        await hdfs.RenameAsync(Source, Destination, CancellationToken.None);
        Assert.Equal(("new", "old"), (await emulator.ReadAsync(Destination), await emulator.ReadAsync(Backup)));

        emulator.DenyWhen = null;
        await emulator.WriteAsync(Source, "newer");
        await hdfs.RenameAsync(Source, Destination, CancellationToken.None);

        Assert.Equal(("newer", null), (await emulator.ReadAsync(Destination), await emulator.ReadAsync(Backup)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rename_LeftoverBackupWithoutDestination_RestoresItFirst(bool httpFs)
    {
        // A process that died between its first two steps left the old file under the backup name only.
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs);
        await emulator.WriteAsync(Backup, "old");
        using var hdfs = Clients.Create(emulator);

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.RenameAsync(Source, Destination, CancellationToken.None));

        Assert.StartsWith($"RENAME {Source} -> {Destination} failed: ", e.Message, StringComparison.Ordinal);
        Assert.Equal(("old", null), (await emulator.ReadAsync(Destination), await emulator.ReadAsync(Backup)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rename_LeftoverBackupBesideDestination_DeletesTheStaleBackup(bool httpFs)
    {
        // A process that died before its last step left the replaced file's backup beside the new file.
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs);
        await emulator.WriteAsync(Backup, "oldest");
        await emulator.WriteAsync(Destination, "old");
        await emulator.WriteAsync(Source, "new");
        using var hdfs = Clients.Create(emulator);

        await hdfs.RenameAsync(Source, Destination, CancellationToken.None);

        Assert.Equal(("new", null), (await emulator.ReadAsync(Destination), await emulator.ReadAsync(Backup)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rename_MissingSource_ThrowsNamingBothPathsAndLeavesDestination(bool httpFs)
    {
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs);
        await emulator.WriteAsync(Destination, "old");
        using var hdfs = Clients.Create(emulator);

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.RenameAsync(Source, Destination, CancellationToken.None));

        Assert.Equal($"RENAME {Source} -> {Destination} failed: the source does not exist", e.Message);
        Assert.Equal(("RENAME", Source, Destination), (e.Operation, e.Path, e.Destination));
        Assert.Equal("old", await emulator.ReadAsync(Destination));
    }

    [Fact]
    public async Task Rename_AccessDenied_MessageNamesBothPathsAndServerException()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        await emulator.WriteAsync("/user/spot/x", "x");
        emulator.DenyWhen = c => c.Operation == "RENAME";
        using var hdfs = Clients.Create(emulator);

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.RenameAsync("/user/spot/x", "/user/spot/y", CancellationToken.None));

        Assert.StartsWith("RENAME /user/spot/x -> /user/spot/y failed: AccessControlException: Permission denied: user=spot", e.Message, StringComparison.Ordinal);
        Assert.Single(emulator.Calls, c => c.Operation == "RENAME");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rename_OntoDirectory_RefusesAndMovesNothing(bool httpFs)
    {
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs);
        await emulator.WriteAsync(Source, "new");
        await emulator.WriteAsync(Destination + "/inner.csv", "kept");
        using var hdfs = Clients.Create(emulator);

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.RenameAsync(Source, Destination, CancellationToken.None));

        Assert.EndsWith("failed: the destination is a directory", e.Message, StringComparison.Ordinal);
        Assert.Equal(("new", "kept"), (await emulator.ReadAsync(Source), await emulator.ReadAsync(Destination + "/inner.csv")));
    }

    private static string HdfsPathParent(string path) => ProxyThreat.Pipeline.Hdfs.HdfsPath.Parent(path);
}
