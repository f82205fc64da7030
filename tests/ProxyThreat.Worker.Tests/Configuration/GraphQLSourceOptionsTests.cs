using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Sources;

namespace ProxyThreat.Worker.Tests.Configuration;

/// <summary>Bad GraphQL settings stop the worker's host as it is built, with a message naming the key.</summary>
public sealed class GraphQLSourceOptionsTests
{
    [Fact]
    public void Build_BadEndpoint_StopsAtStartNamingTheKey()
    {
        var failures = WorkerSettings.Failures(new Dictionary<string, string?>
        {
            ["Source:Kind"] = "graphql",
            ["Source:GraphQL:Endpoint"] = "spot-oa/graphql",
        });

        Assert.Contains(failures, f => f.Contains("Source:GraphQL:Endpoint must be an absolute http or https URL", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_GoodSection_BindsEveryKey()
    {
        using var host = WorkerSettings.Build(new Dictionary<string, string?>
        {
            ["Source:Kind"] = "graphql",
            ["Source:GraphQL:Endpoint"] = "https://spot-oa:8889/graphql",
            ["Source:GraphQL:Headers:Authorization"] = "Basic dXNlcjpwYXNz",
            ["Source:GraphQL:Timeout"] = "00:01:30",
            ["Source:GraphQL:Retries"] = "5",
            ["Source:GraphQL:RetryBaseDelay"] = "00:00:00.250",
            ["Source:GraphQL:MaxParallelSearches"] = "8",
        });

        var options = host.Services.GetRequiredService<IOptions<SourceOptions>>().Value.GraphQL;

        Assert.Equal(new Uri("https://spot-oa:8889/graphql"), options.Endpoint);
        Assert.Equal("Basic dXNlcjpwYXNz", options.Headers["authorization"]);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Timeout);
        Assert.Equal(5, options.Retries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.RetryBaseDelay);
        Assert.Equal(8, options.MaxParallelSearches);
    }
}
