using ProxyThreat.EndToEnd.Tests.Notify.Fixtures;
using ProxyThreat.Worker.Tests;

namespace ProxyThreat.EndToEnd.Tests.Notify;

/// <summary>check and investigate, run as the real executable, with TheHive and webhook receivers on loopback.</summary>
public sealed class NotifyProcessTests : IAsyncLifetime
{
    private const string HeaderSecret = "Bearer relay-header-secret-31c9";
    private const string PathToken = "T000-path-token-secret-88e0";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("proxythreat-notify-cli-");
    private TheHiveStandIn _hive = null!;

    private string Dir => _dir.FullName;

    public async Task InitializeAsync()
    {
        await SmallDay.SeedAsync(Dir);
        _hive = await TheHiveStandIn.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _hive.DisposeAsync();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Check_TheHiveRefusesTheKeyAndTheWebhookIsDown_FailsNamingEach()
    {
        var port = LoopbackServer.FreePort();

        var (code, output, error) = await RunAsync(
            "check",
            $"--Notify:TheHive:Url={_hive.Url}",
            "--Notify:TheHive:ApiKey=a-key-thehive-refuses",
            $"--Notify:Webhooks:0:Url=http://127.0.0.1:{port}/hooks/{PathToken}");

        Assert.True(code == 1, output + error);
        Assert.Matches($@"\nFAIL  TheHive 127\.0\.0\.1:{_hive.Url.Port} usable \(\d+ ms\): TheHive 127\.0\.0\.1:{_hive.Url.Port}: refused the API key \(Notify:TheHive:ApiKey\): 401 AuthenticationError: Authentication failure\n", output);
        Assert.Matches($@"\nFAIL  webhook 0 \(http://127\.0\.0\.1:{port}\) usable \(\d+ ms\): webhook 0 \(http://127\.0\.0\.1:{port}\): cannot be reached: Connection refused", output);
        Assert.DoesNotContain("a-key-thehive-refuses", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain(PathToken, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ReceiversUsable_PassesWithoutAnnouncingAnything()
    {
        await using var hook = await WebhookStandIn.StartAsync();

        var (code, output, error) = await RunAsync(
            "check",
            $"--Notify:TheHive:Url={_hive.Url}",
            $"--Notify:TheHive:ApiKey={_hive.ApiKey}",
            $"--Notify:Webhooks:0:Url={hook.Url}");

        Assert.True(code == 0, output + error);
        Assert.Contains($"ok    TheHive 127.0.0.1:{_hive.Url.Port} usable (", output, StringComparison.Ordinal);
        Assert.Contains($"TheHive 127.0.0.1:{_hive.Url.Port} accepts the API key: user {TheHiveStandIn.Login} of organisation ACME\n", output, StringComparison.Ordinal);
        Assert.Contains($"webhook 0 (http://127.0.0.1:{hook.Url.Port}) is reachable (a HEAD of the URL answered 405)\n", output, StringComparison.Ordinal);
        Assert.Empty(_hive.Alerts);
        Assert.Empty(hook.Posts);
    }

    [Fact]
    public async Task Check_KeyOfAUserWhoMayNotCreateAlerts_Fails()
    {
        _hive.Permissions = ["manageCase/create"];

        var (code, output, _) = await RunAsync("check", $"--Notify:TheHive:Url={_hive.Url}", $"--Notify:TheHive:ApiKey={_hive.ApiKey}");

        Assert.Equal(1, code);
        Assert.Contains($"may not create alerts (it lacks the manageAlert permission)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_OrganisationSet_SentWithTheProbe_PassesInOneOfTheUsersAndFailsInAnother()
    {
        _hive.Organisations = ["ACME", "SOC Branch"];
        string[] settings = ["check", $"--Notify:TheHive:Url={_hive.Url}", $"--Notify:TheHive:ApiKey={_hive.ApiKey}"];

        var member = await RunAsync([.. settings, "--Notify:TheHive:Organisation=SOC Branch"]);
        var stranger = await RunAsync([.. settings, "--Notify:TheHive:Organisation=Elsewhere"]);

        Assert.True(member.Code == 0, member.Output + member.Error);
        Assert.Contains($"TheHive 127.0.0.1:{_hive.Url.Port} accepts the API key: user {TheHiveStandIn.Login} of organisation SOC Branch\n", member.Output, StringComparison.Ordinal);
        Assert.Equal(1, stranger.Code);
        Assert.Contains($"the API key's user {TheHiveStandIn.Login} of organisation Elsewhere may not create alerts", stranger.Output, StringComparison.Ordinal);
        Assert.Equal(["SOC Branch", "Elsewhere"], _hive.Requests.Select(r => r.Header("X-Organisation")));
    }

    [Fact]
    public async Task Check_TheHiveOverHttps_PassesWithItsCaInTheBundleAndFailsWithout()
    {
        using var certificates = TestCertificates.Create("thehive");
        await using var hive = await TheHiveStandIn.StartAsync(certificates.Server);
        string[] settings = ["check", $"--Notify:TheHive:Url={hive.Url}", $"--Notify:TheHive:ApiKey={hive.ApiKey}"];

        var trusted = await RunAsync([.. settings, $"--Notify:TheHive:CaBundlePath={certificates.WriteAuthorityPem(Dir)}"]);
        var untrusted = await RunAsync(settings);

        Assert.True(trusted.Code == 0, trusted.Output + trusted.Error);
        Assert.Contains($"accepts the API key: user {TheHiveStandIn.Login}", trusted.Output, StringComparison.Ordinal);
        Assert.Equal(1, untrusted.Code);
        Assert.Contains($"FAIL  TheHive 127.0.0.1:{hive.Url.Port} usable (", untrusted.Output, StringComparison.Ordinal);
        Assert.Contains("cannot be reached: The SSL connection could not be established", untrusted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_ChangeOfAnAlertImportedIntoACase_IsNotSentAndTheLogSaysSo()
    {
        string[] settings = ["investigate", "--date", "2016-07-08", $"--Notify:TheHive:Url={_hive.Url}", $"--Notify:TheHive:ApiKey={_hive.ApiKey}"];
        await RunAsync(settings);
        var sourceRef = (string)Assert.Single(_hive.Alerts.Values)["sourceRef"]!;
        _hive.ImportIntoCase(sourceRef);
        var decisions = Path.Join(Dir, "decisions.jsonl");
        await File.WriteAllTextAsync(decisions, (await File.ReadAllTextAsync(decisions)).Replace("\"Analyst\"", "\"Analyst, after the case\"", StringComparison.Ordinal));

        var (code, output, error) = await RunAsync(settings);

        Assert.True(code == 0, output + error);
        var alert = _hive.AlertOf(sourceRef);
        Assert.Equal("Analyst", (string)alert["title"]!);
        Assert.Contains(
            $"Did not announce the change of {SmallDay.U} on 2016-07-08 to TheHive 127.0.0.1:{_hive.Url.Port}: alert {(string)alert["_id"]!} ({sourceRef}) was imported into case ~8192, so it is left alone",
            error,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Investigate_NotifySecretsSetAndEveryLogOutputOn_NoSecretInAnyOutput(bool failing)
    {
        await using var hook = await WebhookStandIn.StartAsync(path: $"/hooks/{PathToken}");
        var url = failing ? new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}/hooks/{PathToken}") : hook.Url;
        var key = failing ? "thehive-key-it-refuses-0b7d" : _hive.ApiKey;
        var log = Path.Join(Dir, "worker.clef");
        string[] settings =
        [
            $"--Notify:TheHive:Url={_hive.Url}",
            $"--Notify:TheHive:ApiKey={key}",
            $"--Notify:Webhooks:0:Url={url}",
            $"--Notify:Webhooks:0:Headers:Authorization={HeaderSecret}",
            "--Serilog:MinimumLevel:Default=Verbose",
            "--Serilog:WriteTo:0:Name=File",
            $"--Serilog:WriteTo:0:Args:path={log}",
            "--Serilog:WriteTo:0:Args:formatter=Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact",
        ];

        var investigate = await RunAsync(["investigate", "--date", "2016-07-08", .. settings]);
        var status = await RunAsync(["status", "--from", "2016-07-08", "--to", "2016-07-08", .. settings]);

        // The secrets were really used: TheHive saw the key, the receiver the header.
        Assert.True(investigate.Code == 0, investigate.Output + investigate.Error);
        Assert.Contains(_hive.Requests, r => r.Header("Authorization") == $"Bearer {key}");
        if (failing)
        {
            Assert.Contains("refused the API key (Notify:TheHive:ApiKey)", investigate.Error, StringComparison.Ordinal);
            Assert.Contains("cannot be reached", status.Output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HeaderSecret, Assert.Single(hook.Posts).Header("Authorization"));
            Assert.Single(_hive.Alerts);
        }

        string[] written = [investigate.Output, investigate.Error, status.Output, status.Error, await File.ReadAllTextAsync(log)];
        foreach (var secret in (string[])[_hive.ApiKey, "thehive-key-it-refuses-0b7d", HeaderSecret, "relay-header-secret-31c9", PathToken])
        {
            Assert.All(written, w => Assert.DoesNotContain(secret, w, StringComparison.Ordinal));
        }
    }

    /// <summary>The worker on the small day in the test's folder.</summary>
    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) =>
        WorkerRuns.RunProcessAsync(
            [
                args[0],
                $"--Source:Tables:Root={Path.Join(Dir, "samples/hdfs")}",
                $"--Hdfs:Local:Root={Path.Join(Dir, "out/hdfs")}",
                $"--Investigation:DecisionsPath={Path.Join(Dir, "decisions.jsonl")}",
                $"--State:Path={Path.Join(Dir, "state/ledger.db")}",
                .. args[1..],
            ],
            journaled: false);
}
