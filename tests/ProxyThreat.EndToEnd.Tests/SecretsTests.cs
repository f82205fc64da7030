using ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

namespace ProxyThreat.EndToEnd.Tests;

/// <summary>
/// Every secret the worker takes, set at once, through a succeeding and a failing investigation with every log
/// output on (standard error plain and as the journal's, a text file, compact JSON) at the most detailed level:
/// none of them appears in anything the worker writes, failure messages included.
/// </summary>
public sealed class SecretsTests : IDisposable
{
    private const string HeaderSecret = "Bearer gql-header-secret-5d1e";
    private const string EndpointPassword = "endpoint-password-secret-a77c";
    private const string DelegationToken = "hdfs-delegation-secret-91b2";

    private readonly string _dir = Directory.CreateTempSubdirectory("proxythreat-secrets-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task Investigate_EverySecretSetAndEveryLogOutputOn_NoSecretInAnyOutput(bool journaled, bool failing)
    {
        await using var graphql = await WorkerRuns.StartSpotAsync();
        await using var webhdfs = await WebHdfsEmulator.StartAsync();
        Directory.CreateDirectory(webhdfs.Local("/user/spot"));

        // The failing run: Spot's API fails one expanded search, and HDFS, once it has shown Spot's home (so the
        // date is searched), refuses the token for every call, as when it expires mid-run.
        webhdfs.RequiredToken = DelegationToken;
        if (failing)
        {
            webhdfs.BeforeCall = c => webhdfs.RequiredToken = c is { Operation: "GETFILESTATUS", Path: "/user/spot" } && webhdfs.RequiredToken == DelegationToken
                ? DelegationToken
                : "the-token-hdfs-expects";
            graphql.Fault = ServerFault.Status500;
            graphql.FaultWhen = r => r.Variables.GetValueOrDefault("uri") == "http://203.0.113.77/gate.php?bot=WIN7X64&id=A93F02C1";
        }

        var endpoint = new UriBuilder(graphql.Endpoint) { UserName = "spot", Password = EndpointPassword }.Uri;
        var text = Path.Join(_dir, "worker.log");
        var json = Path.Join(_dir, "worker.clef");
        var (code, output, error) = await WorkerRuns.RunProcessAsync(
            [
                "investigate", "--date", "2016-07-08",
                "--Source:Kind=graphql",
                $"--Source:GraphQL:Endpoint={endpoint}",
                $"--Source:GraphQL:Headers:Authorization={HeaderSecret}",
                "--Source:GraphQL:Retries=1",
                "--Source:GraphQL:RetryBaseDelay=00:00:00.01",
                "--Hdfs:Kind=webhdfs",
                $"--Hdfs:WebHdfs:NameNodes:0={webhdfs.NameNode}",
                "--Hdfs:WebHdfs:Auth=token",
                $"--Hdfs:WebHdfs:DelegationToken={DelegationToken}",
                "--Hdfs:WebHdfs:Retries=1",
                "--Hdfs:WebHdfs:RetryDelay=00:00:00.01",
                $"--State:Path={Path.Join(_dir, "ledger.db")}",
                "--Serilog:MinimumLevel:Default=Verbose",
                "--Serilog:WriteTo:0:Name=File",
                $"--Serilog:WriteTo:0:Args:path={text}",
                "--Serilog:WriteTo:1:Name=File",
                $"--Serilog:WriteTo:1:Args:path={json}",
                "--Serilog:WriteTo:1:Args:formatter=Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact",
            ],
            journaled);

        // The secrets were really used: the server saw the header, HDFS the token.
        Assert.Contains(graphql.Requests, r => r.Headers.GetValueOrDefault("Authorization") == HeaderSecret);
        Assert.Contains(webhdfs.Calls, c => c.Query.Contains($"delegation={DelegationToken}", StringComparison.Ordinal));
        Assert.True(failing ? code == 1 : code == 0, error);
        if (failing)
        {
            Assert.Contains("SecurityException", error, StringComparison.Ordinal);
            Assert.Contains("the server answered 500", error, StringComparison.Ordinal);
        }

        string[] written = [output, error, await File.ReadAllTextAsync(text), await File.ReadAllTextAsync(json)];
        foreach (var secret in (string[])[HeaderSecret, "gql-header-secret-5d1e", EndpointPassword, DelegationToken])
        {
            Assert.All(written, w => Assert.DoesNotContain(secret, w, StringComparison.Ordinal));
        }
    }
}
