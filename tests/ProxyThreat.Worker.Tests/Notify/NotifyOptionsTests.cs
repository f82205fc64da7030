using ProxyThreat.Worker.Cli;

namespace ProxyThreat.Worker.Tests.Notify;

public sealed class NotifyOptionsTests
{
    [Theory]
    [InlineData("Notify:TheHive:ApiKey is required with Notify:TheHive:Url", "--Notify:TheHive:Url=https://thehive.example:9000")]
    [InlineData("Notify:TheHive:ApiKey is set but Notify:TheHive:Url is not", "--Notify:TheHive:ApiKey=k")]
    [InlineData("Notify:TheHive:Organisation is set but Notify:TheHive:Url is not", "--Notify:TheHive:Organisation=SOC")]
    [InlineData("Notify:TheHive:Organisation must be a single line holding more than blanks", "--Notify:TheHive:Url=https://thehive.example/", "--Notify:TheHive:ApiKey=k", "--Notify:TheHive:Organisation=  ")]
    [InlineData("Notify:TheHive:Organisation must be a single line holding more than blanks", "--Notify:TheHive:Url=https://thehive.example/", "--Notify:TheHive:ApiKey=k", "--Notify:TheHive:Organisation=SOC\nX-Injected: 1")]
    [InlineData("Notify:TheHive:Organisation must be ASCII: it is sent as a request header", "--Notify:TheHive:Url=https://thehive.example/", "--Notify:TheHive:ApiKey=k", "--Notify:TheHive:Organisation=Sécurité")]
    [InlineData("Notify:TheHive:ApiKey must be ASCII: it is sent as a request header", "--Notify:TheHive:Url=https://thehive.example/", "--Notify:TheHive:ApiKey=clé")]
    [InlineData("Notify:Webhooks:0:Headers:X-Token must be ASCII: it is sent as a request header", "--Notify:Webhooks:0:Url=https://relay.example/", "--Notify:Webhooks:0:Headers:X-Token=clé")]
    [InlineData("Notify:TheHive:Url must be an absolute http or https URL", "--Notify:TheHive:Url=ftp://thehive.example/", "--Notify:TheHive:ApiKey=k")]
    [InlineData("Notify:Webhooks:0:Url must be an absolute http or https URL", "--Notify:Webhooks:0:Url=relay.example/hook")]
    [InlineData("Notify:Webhooks:0:Url is required", "--Notify:Webhooks:0:Headers:X-Token=t")]
    [InlineData("unknown configuration key Notify:Webhooks:0:Header", "--Notify:Webhooks:0:Url=https://relay.example/", "--Notify:Webhooks:0:Header=t")]
    [InlineData("unknown configuration key Notify:TheHive:Key", "--Notify:TheHive:Key=k")]
    [InlineData("Notify:Timeout 'soon' is not a duration", "--Notify:Timeout=soon")]
    [InlineData("Notify:RetryDelay must be more than 00:00:00", "--Notify:RetryDelay=00:00:00")]
    [InlineData("Notify:TheHive:CaBundlePath: the file '/nonexistent/ca.pem' does not exist.", "--Notify:TheHive:Url=https://thehive.example/", "--Notify:TheHive:ApiKey=k", "--Notify:TheHive:CaBundlePath=/nonexistent/ca.pem")]
    public void Build_BadNotifySetting_StopsTheHostAtStartNamingTheKey(string expected, params string[] settings)
    {
        var error = Assert.Throws<UsageException>(() => WorkerHost.Build(CommandLine.Parse(["run", .. settings])));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ApiKeyRefusedWithAnotherProblem_MessageHoldsNoSecret()
    {
        var error = Assert.Throws<UsageException>(() => WorkerHost.Build(CommandLine.Parse(["run", "--Notify:TheHive:ApiKey=secret-key-4e1f", "--Notify:Webhooks:0:Url=https://relay.example/T0KEN", "--Notify:Webhooks:0:Headers:Authorization=Bearer\nsecret-header-9a"])));

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("T0KEN", error.Message, StringComparison.Ordinal);
    }
}
