using System.Text.RegularExpressions;
using ProxyThreat.Kerberos.Tests.Fixtures;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

namespace ProxyThreat.Kerberos.Tests.Cli;

/// <summary>
/// <c>proxythreat check</c> against a WebHDFS emulator that demands SPNEGO, each run in a process of its own with the
/// Kerberos environment an operator would give it.
/// </summary>
[Collection(SharedRealm.Name)]
public sealed class CheckCommandKerberosTests : IAsyncLifetime
{
    private readonly LoopbackRealm _realm;
    private readonly SpnegoGate _gate = new();
    private readonly string _cache;
    private WebHdfsEmulator _webHdfs = null!;

    public CheckCommandKerberosTests(LoopbackRealm realm)
    {
        _realm = realm;
        _cache = Path.Join(realm.Folder, $"krb5cc-{Guid.NewGuid():N}");
    }

    public async Task InitializeAsync()
    {
        _webHdfs = await WebHdfsEmulator.StartAsync();
        _webHdfs.Spnego = _gate;
        Directory.CreateDirectory(_webHdfs.Local("/user/spot"));
    }

    public async Task DisposeAsync()
    {
        await _webHdfs.DisposeAsync();
        File.Delete(_cache);
    }

    [KerberosFact]
    public async Task Check_TicketCacheFromKinit_AuthenticatesAsTheCachesPrincipal()
    {
        await _realm.KinitAnalystAsync(_cache, TimeSpan.FromHours(1));

        var (code, output, error) = await CheckAsync(new() { ["KRB5CCNAME"] = "FILE:" + _cache });

        Assert.True(code == 0, output + error);
        Assert.Contains($"ok    kerberos login", output, StringComparison.Ordinal);
        Assert.Contains($"{LoopbackRealm.Analyst} from the ticket cache FILE:{_cache}", output, StringComparison.Ordinal);
        Assert.Contains($"authenticated as {LoopbackRealm.Analyst}", output, StringComparison.Ordinal);
        Assert.NotEmpty(_gate.Principals);
        Assert.All(_gate.Principals, p => Assert.Equal(LoopbackRealm.Analyst, p));
    }

    [KerberosFact]
    public async Task Check_KeytabAndPrincipal_LogsInAsThatPrincipalWithoutATicketCache()
    {
        // The keytab's first principal is a decoy: the worker must log in as the one it is told.
        var (code, output, error) = await CheckAsync(new() { ["KRB5CCNAME"] = "FILE:" + _cache }, Keytab(LoopbackRealm.Worker));

        Assert.True(code == 0, output + error);
        Assert.Contains($"{LoopbackRealm.Worker} from the keytab {_realm.WorkerKeytab}", output, StringComparison.Ordinal);
        Assert.Contains($"authenticated as {LoopbackRealm.Worker}", output, StringComparison.Ordinal);
        Assert.All(_gate.Principals, p => Assert.Equal(LoopbackRealm.Worker, p));
        Assert.False(File.Exists(_cache), "a keytab login keeps its tickets in memory, never in the operator's cache");
    }

    [KerberosFact]
    public async Task Check_HttpFsGatewayWithKeytab_SendsTheBodiesThroughSpnego()
    {
        // A gateway takes file bodies itself: the upload is refused once (401) and sent again with the ticket.
        await using var gateway = await WebHdfsEmulator.StartAsync(httpFs: true);
        var gate = new SpnegoGate();
        gateway.Spnego = gate;
        Directory.CreateDirectory(gateway.Local("/user/spot"));

        var (code, output, error) = await CheckAsync([], [.. Keytab(LoopbackRealm.Worker), "--Hdfs:WebHdfs:Gateway=httpfs"], Localhost(gateway));

        Assert.True(code == 0, output + error);
        Assert.Contains($"authenticated as {LoopbackRealm.Worker}", output, StringComparison.Ordinal);
        Assert.Contains(gateway.Calls, c => c.Operation == "CREATE" && c.BodyLength > 0);
        Assert.All(gate.Principals, p => Assert.Equal(LoopbackRealm.Worker, p));
    }

    [KerberosFact]
    public async Task Check_ExpiredTicket_SaysItExpiredAndToRunKinit()
    {
        await _realm.KinitAnalystAsync(_cache, TimeSpan.FromSeconds(1));
        // The KDC dates the ticket by the real clock: let its one second pass.
        await Task.Delay(TimeSpan.FromSeconds(1.5), TimeProvider.System);

        var (code, output, _) = await CheckAsync(new() { ["KRB5CCNAME"] = "FILE:" + _cache });

        AssertLoginFailed(
            code,
            output,
            $"Kerberos: the ticket in the ticket cache FILE:{_cache} has expired; run kinit as the worker's user",
            "or set Hdfs:WebHdfs:Kerberos:Keytab and Hdfs:WebHdfs:Kerberos:Principal");
    }

    [KerberosFact]
    public async Task Check_NoTicket_SaysWhichCacheIsEmptyAndToRunKinit()
    {
        var (code, output, _) = await CheckAsync(new() { ["KRB5CCNAME"] = "FILE:" + _cache });

        AssertLoginFailed(
            code,
            output,
            $"Kerberos: no ticket to authenticate with (No Kerberos credentials available (default cache: FILE:{_cache})); run kinit as the worker's user");
        Assert.Contains("FAIL  output writable", output, StringComparison.Ordinal);
    }

    [KerberosFact]
    public async Task Check_KeytabWithoutThePrincipal_SaysHowToCheckTheKeytab()
    {
        var (code, output, _) = await CheckAsync([], Keytab(LoopbackRealm.Analyst));

        AssertLoginFailed(
            code,
            output,
            $"Kerberos: could not log in as {LoopbackRealm.Analyst} with the keytab {_realm.WorkerKeytab}",
            $"klist -k {_realm.WorkerKeytab}");
    }

    [KerberosFact]
    public async Task Check_KdcUnreachable_SaysSoAndRetries()
    {
        var unreachable = Path.Join(_realm.Folder, $"krb5-{Guid.NewGuid():N}.conf");
        var refusing = WebHdfsEmulator.RefusingAddress();
        await File.WriteAllTextAsync(unreachable, Regex.Replace(await File.ReadAllTextAsync(_realm.Config), @"kdc = 127\.0\.0\.1:\d+", $"kdc = {refusing.Authority}"));

        var (code, output, error) = await CheckAsync(new() { ["KRB5_CONFIG"] = unreachable }, [.. Keytab(LoopbackRealm.Worker), "--Hdfs:WebHdfs:Retries=1", "--Hdfs:WebHdfs:RetryDelay=00:00:00.001"]);

        AssertLoginFailed(
            code,
            output,
            $"Kerberos: could not log in as {LoopbackRealm.Worker} with the keytab {_realm.WorkerKeytab} (Cannot contact any KDC for realm '{LoopbackRealm.Realm}')");
        Assert.Contains("WebHDFS try 1 failed, retrying", error, StringComparison.Ordinal);
    }

    [KerberosFact]
    public async Task Check_NameNodeByAddress_SaysTheKdcHasNoTicketForThatName()
    {
        // .NET asks for a ticket for HTTP/<host of the URL>: the KDC knows HTTP/localhost, not HTTP/127.0.0.1.
        await _realm.KinitAnalystAsync(_cache, TimeSpan.FromHours(1));

        var (code, output, _) = await CheckAsync(new() { ["KRB5CCNAME"] = "FILE:" + _cache }, nameNode: _webHdfs.NameNode);

        Assert.Equal(1, code);
        Assert.Contains($"ok    kerberos login", output, StringComparison.Ordinal);
        Assert.Contains(
            $"{_webHdfs.NameNode.Authority} refused the Kerberos ticket of {LoopbackRealm.Analyst} (HTTP 401); check that the KDC issues tickets for HTTP/127.0.0.1 (kvno HTTP/127.0.0.1",
            output,
            StringComparison.Ordinal);
        Assert.Empty(_gate.Principals);
    }

    [Fact]
    public async Task Check_KeytabMissing_StopsAtStartNamingTheKey()
    {
        var (code, output, error) = await CheckAsync([], ["--Hdfs:WebHdfs:Kerberos:Keytab=/nowhere/proxythreat.keytab", $"--Hdfs:WebHdfs:Kerberos:Principal={LoopbackRealm.Worker}"]);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("Hdfs:WebHdfs:Kerberos:Keytab: the file '/nowhere/proxythreat.keytab' does not exist.", error, StringComparison.Ordinal);
    }

    /// <summary>The check failed at the login, whose line says each expected thing, and no call got through.</summary>
    private void AssertLoginFailed(int code, string output, params string[] expected)
    {
        Assert.Equal(1, code);
        var login = Assert.Single(output.Split('\n'), l => l.StartsWith("FAIL  kerberos login (", StringComparison.Ordinal));
        Assert.All(expected, e => Assert.Contains(e, login, StringComparison.Ordinal));
        Assert.Empty(_gate.Principals);
    }

    /// <summary>The emulator's NameNode by the name the KDC has a service principal for (HTTP/localhost).</summary>
    private static Uri Localhost(WebHdfsEmulator emulator) => new UriBuilder(emulator.NameNode) { Host = "localhost" }.Uri;

    private string[] Keytab(string principal) =>
        [$"--Hdfs:WebHdfs:Kerberos:Keytab={_realm.WorkerKeytab}", $"--Hdfs:WebHdfs:Kerberos:Principal={principal}"];

    private Task<(int ExitCode, string Output, string Error)> CheckAsync(Dictionary<string, string> environment, string[]? settings = null, Uri? nameNode = null) =>
        WorkerCli.RunAsync(
            _realm,
            environment,
            [
                "check",
                "--Source:Tables:Root=samples/hdfs",
                "--Hdfs:Kind=webhdfs",
                $"--Hdfs:WebHdfs:NameNodes:0={nameNode ?? Localhost(_webHdfs)}",
                "--Hdfs:WebHdfs:Auth=kerberos",
                "--Hdfs:WebHdfs:Retries=0",
                .. settings ?? [],
            ]);
}
