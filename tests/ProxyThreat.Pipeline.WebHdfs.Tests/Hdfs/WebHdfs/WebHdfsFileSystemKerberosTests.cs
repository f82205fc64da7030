using System.Net;
using ProxyThreat.Pipeline.Hdfs.WebHdfs;
using ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

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
}
