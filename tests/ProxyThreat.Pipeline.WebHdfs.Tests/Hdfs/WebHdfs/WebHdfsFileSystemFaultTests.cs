using Microsoft.Extensions.Time.Testing;
using ProxyThreat.Pipeline.Hdfs.WebHdfs;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs;

/// <summary>
/// The faults Hadoop's own client tests inject (TestWebHdfsTimeouts, TestWebHDFSForHA, TestWebHDFS): stalled and
/// trickling DataNodes, refused redirects, a NameNode starting up or restarting, answers lost after the call was
/// carried out. Each outcome is exact, or a clean failure naming what to tune, never a hang.
/// </summary>
public sealed class WebHdfsFileSystemFaultTests
{
    private const string File = "/user/spot/proxy/oa/storyboard/2024/7/1/incident-progression-abc.json";
    private const string Folder = "/user/spot/proxy/hive/oa/storyboard/y=2024/m=7/d=1";
    private const string Source = Folder + "/.part-0.parquet.tmp";
    private const string Destination = Folder + "/part-0.parquet";
    private const string Backup = Folder + "/.part-0.parquet.proxythreat-backup";

    // A hang shows as this test's failure, not as a run that never ends.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_BodyStallsHalfWay_TimesOutAndRetriesToTheWholeFile(bool httpFs)
    {
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs);
        var content = new string('s', 200_000);
        await emulator.WriteAsync(File, content);
        emulator.DownloadsToStall = 1;
        using var hdfs = Clients.Create(emulator, o => o.Timeout = TimeSpan.FromSeconds(1));

        Assert.Equal(content, await hdfs.ReadAllAsync(File).WaitAsync(Hang));
        Assert.True(emulator.CallsTo(emulator.NameNode).Count(c => c.Operation == "OPEN") >= 2);
    }

    [Fact]
    public async Task Open_BodyStallsEveryTime_FailsCleanlyNamingTheTimeoutKey()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        await emulator.WriteAsync(File, new string('s', 200_000));
        emulator.DownloadsToStall = int.MaxValue;
        using var hdfs = Clients.Create(emulator, o => (o.Timeout, o.Retries) = (TimeSpan.FromSeconds(1), 1));

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.OpenAsync(File, CancellationToken.None).WaitAsync(Hang));

        Assert.StartsWith($"OPEN {File} failed: the download from 127.0.0.1:{emulator.DataNode.Port} broke off: no byte for 00:00:01", e.Message, StringComparison.Ordinal);
        Assert.Contains("Hdfs:WebHdfs:Timeout", e.Message, StringComparison.Ordinal);
        Assert.True(e.IsTransient);
        Assert.Equal(2, emulator.CallsTo(emulator.NameNode).Count(c => c.Operation == "OPEN"));
    }

    [Fact]
    public async Task Open_DataNodeTricklesTheBody_ReadsItWholeThoughItTakesLongerThanTheTimeout()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        var content = new string('t', 20_000);
        await emulator.WriteAsync(File, content);
        (emulator.TrickleBytes, emulator.TrickleDelay) = (1_000, TimeSpan.FromMilliseconds(100));
        using var hdfs = Clients.Create(emulator, o => (o.Timeout, o.Retries) = (TimeSpan.FromSeconds(1), 0));

        Assert.Equal(content, await hdfs.ReadAllAsync(File).WaitAsync(Hang));
    }

    [Fact]
    public async Task Create_DataNodeStopsReadingHalfWay_TimesOutAndRetriesToSuccess()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.UploadsToStall = 1;
        using var hdfs = Clients.Create(emulator, o => (o.Timeout, o.Retries) = (TimeSpan.FromSeconds(2), 5));

        // Larger than the socket and server buffers, so the upload's writes block.
        var content = new byte[32 * 1024 * 1024];
        Random.Shared.NextBytes(content);
        await hdfs.CreateAsync(File, content, CancellationToken.None).WaitAsync(Hang);

        Assert.Equal(content, await System.IO.File.ReadAllBytesAsync(emulator.Local(File)));
        Assert.True(emulator.CallsTo(emulator.DataNode).Count() >= 2);
    }

    [Theory]
    [InlineData("CREATE")]
    [InlineData("OPEN")]
    public async Task AnyTransfer_RedirectToDataNodeRefusingConnections_RetriesToSuccess(string operation)
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        await emulator.WriteAsync(File, "old");
        emulator.RedirectsToRefuse = 1;
        using var hdfs = Clients.Create(emulator);

        if (operation == "CREATE")
        {
            await hdfs.CreateAsync(File, Clients.Bytes("new"), CancellationToken.None);
        }

        Assert.Equal(operation == "CREATE" ? "new" : "old", await hdfs.ReadAllAsync(File));
        Assert.Equal(2, emulator.CallsTo(emulator.NameNode).Count(c => c.Operation == operation));
    }

    [Fact]
    public async Task Create_NameNodeStartingUpWithRetriableException_RetriesToSuccess()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.RetriableCalls = 3;
        using var hdfs = Clients.Create(emulator);

        await hdfs.CreateAsync(File, Clients.Bytes("up"), CancellationToken.None);

        Assert.Equal("up", await emulator.ReadAsync(File));
    }

    [Fact]
    public async Task Create_ReplayedOntoItsOwnHalfWrittenFile_ReplacesItAndSucceeds()
    {
        // The first upload breaks off half way and the file stays under construction; the retry's CREATE is refused.
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.UploadsToDrop = 1;
        using var hdfs = Clients.Create(emulator);
        var content = new string('r', 256 * 1024);

        await hdfs.CreateAsync(File, Clients.Bytes(content), CancellationToken.None);

        Assert.Equal(content, await emulator.ReadAsync(File));
        Assert.Contains(emulator.Calls, c => c.Operation == "DELETE" && c.Path == File);
    }

    [Fact]
    public async Task Create_NameNodeRestartingForAMinute_DefaultSettingsRideItOut()
    {
        // Down (connections dropped) for 20 s, then in start-up safe mode until a minute has passed.
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.DownWhile = () => time.GetUtcNow() < start.AddSeconds(20);
        emulator.SafeModeWhile = () => time.GetUtcNow() < start.AddSeconds(60);
        var defaults = new WebHdfsOptions { User = "spot" };
        defaults.NameNodes.Add(emulator.NameNode.GetLeftPart(UriPartial.Authority));
        using var hdfs = new WebHdfsFileSystem(defaults, timeProvider: time);

        await RunOnFakeTimeAsync(time, hdfs.CreateAsync(File, Clients.Bytes("after the restart"), CancellationToken.None));

        Assert.Equal("after the restart", await emulator.ReadAsync(File));
        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Create_NameNodeDownLongerThanTheBudget_FailsNamingTheBudgetKeyAndTheLastFailure()
    {
        var time = new FakeTimeProvider();
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.DownWhile = () => true;
        var options = Clients.Options(false, o => (o.Retries, o.RetryDelay, o.RetryBudget) = (100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)), emulator.NameNode);
        using var hdfs = new WebHdfsFileSystem(options, timeProvider: time);

        var e = await Assert.ThrowsAsync<WebHdfsException>(
            () => RunOnFakeTimeAsync(time, hdfs.CreateAsync(File, Clients.Bytes("x"), CancellationToken.None)));

        Assert.StartsWith(
            $"CREATE {File} failed: gave up after 00:00:30 (Hdfs:WebHdfs:RetryBudget); the last try: no NameNode served it (127.0.0.1:{emulator.NameNode.Port}: ",
            e.Message,
            StringComparison.Ordinal);
        Assert.True(e.IsTransient);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rename_AnswerLostAfterTheRenameWasDone_JudgesByTheStateAndSucceeds(bool httpFs)
    {
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs);
        await emulator.WriteAsync(Source, "new");
        var lost = 0;
        emulator.LoseAnswerWhen = c => c.Operation == "RENAME" && Interlocked.Increment(ref lost) == 1;
        using var hdfs = Clients.Create(emulator);

        await hdfs.RenameAsync(Source, Destination, CancellationToken.None);

        Assert.Equal(("new", null), (await emulator.ReadAsync(Destination), await emulator.ReadAsync(Source)));
    }

    [Fact]
    public async Task Rename_OnNameNodeOverExistingFileAnswerLost_JudgesByTheStateAndSucceeds()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        await emulator.WriteAsync(Source, "new!");
        await emulator.WriteAsync(Destination, "old");
        var lost = 0;
        emulator.LoseAnswerWhen = c => c.Operation == "RENAME" && Interlocked.Increment(ref lost) == 1;
        using var hdfs = Clients.Create(emulator);

        await hdfs.RenameAsync(Source, Destination, CancellationToken.None);

        Assert.Equal(("new!", null), (await emulator.ReadAsync(Destination), await emulator.ReadAsync(Source)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rename_OnHttpFsAnswerOfAStepLost_ReplacesWithoutLoss(bool swapStep)
    {
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs: true);
        await emulator.WriteAsync(Source, "new");
        await emulator.WriteAsync(Destination, "old");
        var lost = 0;
        emulator.LoseAnswerWhen = c => c.Operation == "RENAME"
            && (swapStep ? c.Path == Source && !c.Query.Contains("renameoptions", StringComparison.Ordinal) : c.Destination == Backup)
            && Interlocked.Increment(ref lost) == 1;
        using var hdfs = Clients.Create(emulator);

        await hdfs.RenameAsync(Source, Destination, CancellationToken.None);

        Assert.Equal(2, lost);
        Assert.Equal(("new", null, null), (await emulator.ReadAsync(Destination), await emulator.ReadAsync(Source), await emulator.ReadAsync(Backup)));
    }

    [Fact]
    public async Task Rename_OnHttpFsAnswerOfBackupStepLostAndRetriesExhausted_LeavesNothingHiddenAfterRecover()
    {
        // The destination went to its backup name, then every later call failed: the old data is only hidden.
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs: true);
        await emulator.WriteAsync(Source, "new");
        await emulator.WriteAsync(Destination, "old, of another tool");
        emulator.LoseAnswerWhen = c => c.Operation == "RENAME" && c.Destination == Backup;
        using var hdfs = Clients.Create(emulator, o => o.Retries = 0);

        await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.RenameAsync(Source, Destination, CancellationToken.None));
        emulator.LoseAnswerWhen = null;
        Assert.Null(await emulator.ReadAsync(Destination));

        await hdfs.RecoverAsync(Folder, CancellationToken.None);

        Assert.Equal(("old, of another tool", null), (await emulator.ReadAsync(Destination), await emulator.ReadAsync(Backup)));
    }

    [Theory]
    [InlineData(true, "old")]
    [InlineData(false, "new")]
    public async Task Recover_BackupLeftByAKilledRename_PutsItBackOrRemovesIt(bool destinationMissing, string expected)
    {
        // Killed between the first two steps (only the backup holds the old data), or before the last one.
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs: true);
        await emulator.WriteAsync(Backup, "old");
        if (!destinationMissing)
        {
            await emulator.WriteAsync(Destination, "new");
        }

        using var hdfs = Clients.Create(emulator);

        await hdfs.RecoverAsync(Folder, CancellationToken.None);

        Assert.Equal((expected, null), (await emulator.ReadAsync(Destination), await emulator.ReadAsync(Backup)));
    }

    [Fact]
    public async Task Recover_MissingFolder_DoesNothing()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync(httpFs: true);
        using var hdfs = Clients.Create(emulator);

        await hdfs.RecoverAsync(Folder, CancellationToken.None);

        Assert.Equal("LISTSTATUS", Assert.Single(emulator.Calls).Operation);
    }

    /// <summary>Moves the fake clock on, in steps far shorter than any timeout, until the operation ends.</summary>
    private static async Task RunOnFakeTimeAsync(FakeTimeProvider time, Task operation)
    {
        var real = System.Diagnostics.Stopwatch.StartNew();
        while (!operation.IsCompleted && real.Elapsed < Hang)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
        }

        await operation.WaitAsync(TimeSpan.FromSeconds(1));
    }
}
