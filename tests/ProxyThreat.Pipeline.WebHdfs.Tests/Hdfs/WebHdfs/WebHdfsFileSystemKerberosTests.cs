using System.Net;
using ProxyThreat.Pipeline.Hdfs.WebHdfs;
using ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs;

public sealed class WebHdfsFileSystemKerberosTests
{
    [Fact]
    public void Handler_Kerberos_UsesProcessCredentialsAndNeverFollowsRedirects()
    {
        var options = Clients.Options(false, o => o.Auth = WebHdfsAuth.Kerberos, new Uri("http://127.0.0.1:9870"));

        using var handler = HandlerFactory.Create(options);

        Assert.Same(CredentialCache.DefaultNetworkCredentials, handler.Credentials);
        Assert.False(handler.AllowAutoRedirect);
    }

    [Fact]
    public void Handler_Simple_SendsNoCredentials()
    {
        using var handler = HandlerFactory.Create(Clients.Options(false, null, new Uri("http://127.0.0.1:9870")));

        Assert.Null(handler.Credentials);
        Assert.False(handler.AllowAutoRedirect);
    }

    [Fact]
    public async Task AnyCall_Kerberos_PutsNoUserOrTokenInTheQuery()
    {
        await using var emulator = await WebHdfsEmulator.StartAsync();
        using var hdfs = Clients.Create(emulator, o => o.Auth = WebHdfsAuth.Kerberos);

        await hdfs.CreateAsync("/d/a.csv", Clients.Bytes("x"), CancellationToken.None);

        Assert.All(emulator.CallsTo(emulator.NameNode), c =>
        {
            Assert.DoesNotContain("user.name=", c.Query, StringComparison.Ordinal);
            Assert.DoesNotContain("delegation=", c.Query, StringComparison.Ordinal);
        });
    }
}
