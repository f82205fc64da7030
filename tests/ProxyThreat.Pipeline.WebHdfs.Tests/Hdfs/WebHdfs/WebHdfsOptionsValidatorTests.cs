using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Hdfs.WebHdfs;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs;

public sealed class WebHdfsOptionsValidatorTests
{
    [Fact]
    public void Construct_BadOptions_ThrowsNamingTheKey()
    {
        var e = Assert.Throws<OptionsValidationException>(() => new WebHdfsFileSystem(new WebHdfsOptions { User = "spot" }));

        Assert.StartsWith("Hdfs:WebHdfs:NameNodes:", e.Message, StringComparison.Ordinal);
    }
}
