using ProxyThreat.Pipeline.Hdfs.WebHdfs;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs;

public sealed class WebHdfsFileSystemTlsTests
{
    [Fact]
    public async Task Https_ServersChainToCaBundle_CreateAndOpenWork()
    {
        using var certificates = TestCertificates.Create("cluster");
        await using var emulator = await WebHdfsEmulator.StartAsync(certificate: certificates.Server);
        using var hdfs = Clients.Create(emulator, o => o.CaBundlePath = certificates.WriteAuthorityPem(emulator.Root));

        await hdfs.CreateAsync("/d/a.csv", Clients.Bytes("secret rows"), CancellationToken.None);

        Assert.Equal("secret rows", await hdfs.ReadAllAsync("/d/a.csv"));
        Assert.Equal(Uri.UriSchemeHttps, emulator.DataNode.Scheme);
        Assert.Equal($"swebhdfs://127.0.0.1:{emulator.NameNode.Port}/d", hdfs.Describe("/d"));
    }

    [Fact]
    public async Task Https_ServerOutsideCaBundle_IsRefused()
    {
        using var cluster = TestCertificates.Create("cluster");
        using var other = TestCertificates.Create("other");
        await using var emulator = await WebHdfsEmulator.StartAsync(certificate: cluster.Server);
        using var hdfs = Clients.Create(emulator, o =>
        {
            o.CaBundlePath = other.WriteAuthorityPem(emulator.Root);
            o.Retries = 0;
        });

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => hdfs.ListAsync("/d", CancellationToken.None));

        Assert.StartsWith("LISTSTATUS /d failed: no NameNode served it", e.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Calls);
    }
}
