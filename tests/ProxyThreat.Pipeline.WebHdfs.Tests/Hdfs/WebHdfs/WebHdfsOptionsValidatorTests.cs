using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Hdfs.WebHdfs;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs;

public sealed class WebHdfsOptionsValidatorTests
{
    [Fact]
    public async Task Start_ValidSection_BindsEveryKey()
    {
        using var host = Build(new()
        {
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

        await host.StartAsync();
        var options = host.Services.GetRequiredService<IOptions<WebHdfsOptions>>().Value;

        Assert.Equal(["https://nn1:9871", "https://nn2:9871"], options.NameNodes);
        Assert.Equal((WebHdfsGateway.HttpFs, WebHdfsAuth.Token, "t"), (options.Gateway, options.Auth, options.DelegationToken));
        Assert.Equal((TimeSpan.FromSeconds(10), 5, TimeSpan.FromMilliseconds(250)), (options.Timeout, options.Retries, options.RetryDelay));
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10)), (options.MaxRetryDelay, options.RetryBudget));
        await host.StopAsync();
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
    public async Task Start_BadValue_StopsTheHostNamingTheKey(string named, string key, string? value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hdfs:WebHdfs:NameNodes:0"] = "http://nn1:9870",
            ["Hdfs:WebHdfs:User"] = "spot",
            [key] = value,
        };
        if (value is null)
        {
            settings.Remove(key);
        }

        using var host = Build(settings);

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(e.Failures, f => f.StartsWith(named + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_CaBundleWithoutCertificates_StopsTheHostNamingTheKeyAndTheFile()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a certificate");
            using var host = Build(new()
            {
                ["Hdfs:WebHdfs:NameNodes:0"] = "https://nn1:9871",
                ["Hdfs:WebHdfs:User"] = "spot",
                ["Hdfs:WebHdfs:CaBundlePath"] = path,
            });

            var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains($"Hdfs:WebHdfs:CaBundlePath: '{path}' holds no PEM certificate.", e.Failures);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Construct_BadOptions_ThrowsNamingTheKey()
    {
        var e = Assert.Throws<OptionsValidationException>(() => new WebHdfsFileSystem(new WebHdfsOptions { User = "spot" }));

        Assert.StartsWith("Hdfs:WebHdfs:NameNodes:", e.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IValidateOptions<WebHdfsOptions>, WebHdfsOptionsValidator>();
        builder.Services.AddOptions<WebHdfsOptions>().BindConfiguration(WebHdfsConstants.SectionName).ValidateOnStart();
        return builder.Build();
    }
}
