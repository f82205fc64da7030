using ProxyThreat.Pipeline.Hdfs.WebHdfs;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs;

public sealed class WebHdfsFileSystemTests
{
    private const string File = "/user/spot/proxy/oa/storyboard/2024/7/1/incident-progression-abc.json";

    [Fact]
    public async Task Create_OnNameNode_SendsBodyOnlyToDataNodeAndCreatesParents()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        using var hdfs = Clients.Create(emulator);

        await hdfs.CreateAsync(File, Clients.Bytes("{\"fulluri\":\"u\"}"), CancellationToken.None);

        Assert.Equal("{\"fulluri\":\"u\"}", await emulator.ReadAsync(File));
        Assert.NotEqual(emulator.NameNode.Port, emulator.DataNode.Port);
        var atNameNode = Assert.Single(emulator.CallsTo(emulator.NameNode));
        Assert.Equal(("PUT", "CREATE", 0L), (atNameNode.Method, atNameNode.Operation, atNameNode.BodyLength));
        Assert.Contains("overwrite=true", atNameNode.Query, StringComparison.Ordinal);
        Assert.Contains("user.name=spot", atNameNode.Query, StringComparison.Ordinal);
        Assert.Equal(15, Assert.Single(emulator.CallsTo(emulator.DataNode)).BodyLength);
    }

    [Fact]
    public async Task Create_OnHttpFs_SendsBodyToGatewayWithDataTrue()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs: true);
        using var hdfs = Clients.Create(emulator);

        await hdfs.CreateAsync(File, Clients.Bytes("inline"), CancellationToken.None);

        Assert.Equal("inline", await emulator.ReadAsync(File));
        var call = Assert.Single(emulator.Calls);
        Assert.Contains("data=true", call.Query, StringComparison.Ordinal);
        Assert.Equal(6, call.BodyLength);
    }

    [Fact]
    public async Task Create_ExistingFile_IsReplaced()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        await emulator.WriteAsync(File, "a much longer old content");
        using var hdfs = Clients.Create(emulator);

        await hdfs.CreateAsync(File, Clients.Bytes("new"), CancellationToken.None);

        Assert.Equal("new", await emulator.ReadAsync(File));
    }

    [Fact]
    public async Task Create_DataNodeDropsUpload_RetriesToSuccess()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.UploadsToDrop = 2;
        using var hdfs = Clients.Create(emulator);
        var content = new string('x', 256 * 1024);

        await hdfs.CreateAsync(File, Clients.Bytes(content), CancellationToken.None);

        Assert.Equal(content, await emulator.ReadAsync(File));
        Assert.Equal(3, emulator.CallsTo(emulator.DataNode).Count());

        // Each dropped upload left the file half-written under its lease: the retry removed it first.
        Assert.Equal(2, emulator.CallsTo(emulator.NameNode).Count(c => c.Operation == "DELETE"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Create_WrittenAsItIsSent_RunsTheWriterAgainFromTheStartOnRetry(bool httpFs)
    {
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs);
        emulator.Failures = httpFs ? 1 : 0;
        emulator.UploadsToDrop = httpFs ? 0 : 1;
        using var hdfs = Clients.Create(emulator);
        var runs = 0;

        await hdfs.CreateAsync(
            File,
            async (stream, ct) =>
            {
                Interlocked.Increment(ref runs);
                for (var i = 0; i < 100; i++)
                {
                    await stream.WriteAsync(Clients.Bytes($"line {i:000}\n"), ct);
                }
            },
            CancellationToken.None);

        Assert.Equal(string.Concat(Enumerable.Range(0, 100).Select(i => $"line {i:000}\n")), await emulator.ReadAsync(File));
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task Create_DataNodeDropsEveryUpload_FailsClearlyAfterRetries()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.UploadsToDrop = int.MaxValue;
        using var hdfs = Clients.Create(emulator, o => o.Retries = 2);

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.CreateAsync(File, Clients.Bytes(new string('x', 65536)), CancellationToken.None));

        Assert.StartsWith($"CREATE {File} failed: DataNode 127.0.0.1:{emulator.DataNode.Port} failed", e.Message, StringComparison.Ordinal);
        Assert.True(e.IsTransient);
        Assert.Equal(3, emulator.CallsTo(emulator.DataNode).Count());
    }

    [Fact]
    public async Task Create_QuotaExceeded_FailsWithoutRetry()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.QuotaExceededFor = _ => true;
        using var hdfs = Clients.Create(emulator);

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.CreateAsync(File, Clients.Bytes("x"), CancellationToken.None));

        Assert.Equal("DSQuotaExceededException", e.RemoteException);
        Assert.Equal(403, e.StatusCode);
        Assert.StartsWith($"CREATE {File} failed: DSQuotaExceededException: The DiskSpace quota", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
        Assert.Single(emulator.CallsTo(emulator.DataNode));
    }

    [Fact]
    public async Task Create_NameNodeInSafeMode_RetriesToSuccess()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.SafeModeCalls = 2;
        using var hdfs = Clients.Create(emulator);

        await hdfs.CreateAsync(File, Clients.Bytes("after safe mode"), CancellationToken.None);

        Assert.Equal("after safe mode", await emulator.ReadAsync(File));
    }

    [Fact]
    public async Task Create_AccessDenied_FailsWithoutRetry()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.DenyWhen = _ => true;
        using var hdfs = Clients.Create(emulator);

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.CreateAsync(File, Clients.Bytes("x"), CancellationToken.None));

        Assert.StartsWith($"CREATE {File} failed: AccessControlException: Permission denied: user=spot", e.Message, StringComparison.Ordinal);
        Assert.Single(emulator.Calls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_ExistingFile_ReadsItWhole(bool httpFs)
    {
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs);
        var content = string.Concat(Enumerable.Repeat("0123456789", 50_000));
        await emulator.WriteAsync(File, content);
        using var hdfs = Clients.Create(emulator);

        await using var stream = await hdfs.OpenAsync(File, CancellationToken.None);

        Assert.True(stream.CanSeek);
        Assert.Equal(content.Length, stream.Length);
        Assert.Equal(content, await new StreamReader(stream).ReadToEndAsync());
        Assert.Equal(httpFs ? 0 : 1, emulator.CallsTo(emulator.DataNode).Count());
    }

    [Fact]
    public async Task Open_DataNodeDropsDownload_RetriesToSuccess()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        var content = new string('y', 300_000);
        await emulator.WriteAsync(File, content);
        emulator.DownloadsToDrop = 2;
        using var hdfs = Clients.Create(emulator);

        Assert.Equal(content, await hdfs.ReadAllAsync(File));
        Assert.Equal(3, emulator.CallsTo(emulator.DataNode).Count());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_MissingFile_ThrowsNamingOperationPathAndException(bool httpFs)
    {
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs);
        using var hdfs = Clients.Create(emulator);

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.OpenAsync("/user/spot/missing.csv", CancellationToken.None));

        Assert.Equal("OPEN /user/spot/missing.csv failed: FileNotFoundException: File does not exist: /user/spot/missing.csv", e.Message);
        Assert.Equal(("OPEN", "/user/spot/missing.csv", 404, "FileNotFoundException"), (e.Operation, e.Path, e.StatusCode, e.RemoteException));
        Assert.False(e.IsTransient);
        Assert.Single(emulator.Calls);
    }

    [Fact]
    public async Task List_MissingDirectory_IsEmpty()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        using var hdfs = Clients.Create(emulator);

        Assert.Empty(await hdfs.ListAsync("/user/spot/proxy/hive/y=2024", CancellationToken.None));
    }

    [Fact]
    public async Task List_Directory_ListsChildrenByNameWithKindAndLength()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        await emulator.WriteAsync("/d/b.csv", "12345");
        await emulator.WriteAsync("/d/a=1/x.csv", "1");
        using var hdfs = Clients.Create(emulator);

        var entries = await hdfs.ListAsync("/d/", CancellationToken.None);

        Assert.Equal(
            [new("/d/a=1", "a=1", true, 0), new("/d/b.csv", "b.csv", false, 5)],
            entries);
    }

    [Fact]
    public async Task List_AccessDenied_ThrowsRatherThanLookingEmpty()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.DenyWhen = c => c.Operation == "LISTSTATUS";
        using var hdfs = Clients.Create(emulator);

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.ListAsync("/user/spot", CancellationToken.None));

        Assert.Equal("AccessControlException", e.RemoteException);
    }

    [Fact]
    public async Task List_NameNodeAnswers500_RetriesToSuccess()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        await emulator.WriteAsync("/d/a.csv", "1");
        emulator.Failures = 2;
        using var hdfs = Clients.Create(emulator);

        Assert.Single(await hdfs.ListAsync("/d", CancellationToken.None));
        Assert.Equal(3, emulator.Calls.Count);
    }

    [Fact]
    public async Task Delete_MissingFile_IsFine()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        using var hdfs = Clients.Create(emulator);

        await hdfs.DeleteAsync("/user/spot/never-was.csv", CancellationToken.None);

        Assert.Equal("DELETE", Assert.Single(emulator.Calls).Operation);
    }

    [Fact]
    public async Task Delete_ExistingFile_RemovesIt()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        await emulator.WriteAsync(File, "x");
        using var hdfs = Clients.Create(emulator);

        await hdfs.DeleteAsync(File, CancellationToken.None);

        Assert.Null(await emulator.ReadAsync(File));
    }

    [Fact]
    public async Task Describe_NamesSchemeActiveNameNodeAndPath()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        using var hdfs = Clients.Create(emulator);

        Assert.Equal($"webhdfs://127.0.0.1:{emulator.NameNode.Port}/user/spot/x", hdfs.Describe("/user/spot/x"));
    }
}
