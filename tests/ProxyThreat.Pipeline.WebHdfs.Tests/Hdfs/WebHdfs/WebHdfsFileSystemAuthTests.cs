using Microsoft.Extensions.Logging.Testing;
using ProxyThreat.Pipeline.Hdfs.WebHdfs;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs;

public sealed class WebHdfsFileSystemAuthTests
{
    private const string Token = "HAAEc3BvdAAAigGSecret-Token_Value";

    [Fact]
    public async Task AnyCall_TokenAuth_SendsDelegationToNameNodeAndDataNode()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.RequiredToken = Token;
        using var hdfs = Clients.Create(emulator, UseToken);

        await hdfs.CreateAsync("/d/a.csv", Clients.Bytes("x"), CancellationToken.None);
        Assert.Equal("x", await hdfs.ReadAllAsync("/d/a.csv"));

        Assert.All(emulator.Calls, c => Assert.Contains("delegation=", c.Query, StringComparison.Ordinal));
        Assert.All(emulator.CallsTo(emulator.NameNode), c => Assert.DoesNotContain("user.name=", c.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnyCall_TokenAuthFailures_KeepTheTokenOutOfMessages()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.RequiredToken = Token;
        emulator.UploadsToDrop = int.MaxValue;
        using var hdfs = Clients.Create(emulator, UseToken);
        using var unreachable = Clients.Create(false, UseToken, WebHdfsEmulator.RefusingAddress());
        using var silent = Clients.Create(false, o => { UseToken(o); o.Timeout = TimeSpan.FromMilliseconds(200); }, await emulator.StartSilentNameNodeAsync());

        var failures = new[]
        {
            await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.OpenAsync("/missing", CancellationToken.None)),
            await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.CreateAsync("/d/a.csv", Clients.Bytes("abcdefgh"), CancellationToken.None)),
            await Assert.ThrowsAsync<WebHdfsException>(() => unreachable.ListAsync("/d", CancellationToken.None)),
            await Assert.ThrowsAsync<WebHdfsException>(() => silent.ListAsync("/d", CancellationToken.None)),
        };

        Assert.All(failures, e => Assert.DoesNotContain(Token, e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnyCall_TokenAuthFaults_KeepTheTokenOutOfLogs()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.RequiredToken = Token;
        emulator.UploadsToDrop = 1;
        var standby = await emulator.StartStandbyNameNodeAsync();
        var logger = new FakeLogger<WebHdfsFileSystem>();
        using var hdfs = new WebHdfsFileSystem(Clients.Options(false, UseToken, standby, emulator.NameNode), logger);

        await hdfs.CreateAsync("/d/a.csv", Clients.Bytes("abcdefgh"), CancellationToken.None);

        var events = logger.Collector.GetSnapshot();
        Assert.Contains(events, e => e.Id.Id == 3001);
        Assert.Contains(events, e => e.Id.Id == 3003);
        Assert.All(events, e => Assert.DoesNotContain(Token, e.Text(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnyCall_WrongToken_FailsWithTheServersException()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.RequiredToken = Token;
        using var hdfs = Clients.Create(emulator, o => { o.Auth = WebHdfsAuth.Token; o.DelegationToken = "stale"; });

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.ListAsync("/d", CancellationToken.None));

        Assert.Equal((401, "SecurityException"), (e.StatusCode, e.RemoteException));
        Assert.Single(emulator.Calls);
    }

    [Fact]
    public async Task AnyCall_RejectedToken_SaysToGetANewTokenOrUseAKeytab()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        emulator.RequiredToken = Token;
        using var hdfs = Clients.Create(emulator, o => { o.Auth = WebHdfsAuth.Token; o.DelegationToken = "expired"; });

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.CreateAsync("/d/a.csv", Clients.Bytes("x"), CancellationToken.None));

        Assert.False(e.IsTransient);
        Assert.Equal(
            "CREATE /d/a.csv failed: SecurityException: Failed to obtain user group information: "
            + "org.apache.hadoop.security.token.SecretManager$InvalidToken: token (HDFS_DELEGATION_TOKEN token 7 for spot) is expired; "
            + $"{emulator.NameNode.Authority} did not accept Hdfs:WebHdfs:DelegationToken: get a new token "
            + $"(curl --negotiate -u : 'http://{emulator.NameNode.Authority}/webhdfs/v1/?op=GETDELEGATIONTOKEN' with a Kerberos ticket) and set it, "
            + "or use Hdfs:WebHdfs:Auth=kerberos with a keytab, which needs no token",
            e.Message);
    }

    private static void UseToken(WebHdfsOptions options)
    {
        options.Auth = WebHdfsAuth.Token;
        options.DelegationToken = Token;
        options.Retries = 1;
    }
}
