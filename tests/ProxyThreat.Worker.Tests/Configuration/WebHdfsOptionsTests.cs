using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Hdfs.WebHdfs;

namespace ProxyThreat.Worker.Tests.Configuration;

/// <summary>The <c>Hdfs:WebHdfs</c> section through the worker's wiring: every key binds, and a bad one stops the host naming it.</summary>
public sealed class WebHdfsOptionsTests
{
    [Fact]
    public void Build_ValidSection_BindsEveryKey()
    {
        using var host = WorkerSettings.Build(new Dictionary<string, string?>
        {
            ["Hdfs:Kind"] = "webhdfs",
            ["Hdfs:WebHdfs:NameNodes:0"] = "https://nn1:9871",
            ["Hdfs:WebHdfs:NameNodes:1"] = "https://nn2:9871",
            ["Hdfs:WebHdfs:Gateway"] = "httpfs",
            ["Hdfs:WebHdfs:Auth"] = "token",
            ["Hdfs:WebHdfs:DelegationToken"] = "t",
            ["Hdfs:WebHdfs:Timeout"] = "00:00:10",
            ["Hdfs:WebHdfs:Retries"] = "5",
            ["Hdfs:WebHdfs:RetryDelay"] = "00:00:00.250",
            ["Hdfs:WebHdfs:MaxRetryDelay"] = "00:00:05",
            ["Hdfs:WebHdfs:RetryBudget"] = "00:10:00",
        });

        var options = host.Services.GetRequiredService<IOptions<HdfsOptions>>().Value.WebHdfs;

        Assert.Equal(["https://nn1:9871", "https://nn2:9871"], options.NameNodes);
        Assert.Equal((WebHdfsGateway.HttpFs, WebHdfsAuth.Token, "t"), (options.Gateway, options.Auth, options.DelegationToken));
        Assert.Equal((TimeSpan.FromSeconds(10), 5, TimeSpan.FromMilliseconds(250)), (options.Timeout, options.Retries, options.RetryDelay));
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10)), (options.MaxRetryDelay, options.RetryBudget));
    }

    [Theory]
    [InlineData("Hdfs:WebHdfs:NameNodes", "Hdfs:WebHdfs:NameNodes:0", null)]
    [InlineData("Hdfs:WebHdfs:NameNodes:0", "Hdfs:WebHdfs:NameNodes:0", "nn1:9870")]
    [InlineData("Hdfs:WebHdfs:NameNodes:0", "Hdfs:WebHdfs:NameNodes:0", "http://nn1:9870/webhdfs/v1")]
    [InlineData("Hdfs:WebHdfs:User", "Hdfs:WebHdfs:User", null)]
    [InlineData("Hdfs:WebHdfs:DelegationToken", "Hdfs:WebHdfs:Auth", "token")]
    [InlineData("Hdfs:WebHdfs:CaBundlePath", "Hdfs:WebHdfs:CaBundlePath", "/nowhere/ca.pem")]
    [InlineData("Hdfs:WebHdfs:Timeout", "Hdfs:WebHdfs:Timeout", "00:00:00")]
    [InlineData("Hdfs:WebHdfs:Retries", "Hdfs:WebHdfs:Retries", "101")]
    [InlineData("Hdfs:WebHdfs:MaxRetryDelay", "Hdfs:WebHdfs:MaxRetryDelay", "00:00:00.1")]
    [InlineData("Hdfs:WebHdfs:RetryBudget", "Hdfs:WebHdfs:RetryBudget", "00:00:00")]
    [InlineData("Hdfs:WebHdfs:RetryDelay", "Hdfs:WebHdfs:RetryDelay", "-00:00:01")]
    public void Build_BadValue_StopsTheHostNamingTheKey(string named, string key, string? value)
    {
        var failures = WorkerSettings.Failures(new Dictionary<string, string?>
        {
            ["Hdfs:Kind"] = "webhdfs",
            ["Hdfs:WebHdfs:NameNodes:0"] = "http://nn1:9870",
            ["Hdfs:WebHdfs:User"] = "spot",
            [key] = value,
        });

        Assert.Contains(failures, f => f.StartsWith(named + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_CaBundleWithoutCertificates_StopsTheHostNamingTheKeyAndTheFile()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a certificate");

            var failures = WorkerSettings.Failures(new Dictionary<string, string?>
            {
                ["Hdfs:Kind"] = "webhdfs",
                ["Hdfs:WebHdfs:NameNodes:0"] = "https://nn1:9871",
                ["Hdfs:WebHdfs:User"] = "spot",
                ["Hdfs:WebHdfs:CaBundlePath"] = path,
            });

            Assert.Contains($"Hdfs:WebHdfs:CaBundlePath: '{path}' holds no PEM certificate.", failures);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
