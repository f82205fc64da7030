using ProxyThreat.Pipeline.Sources.GraphQL;

namespace ProxyThreat.Pipeline.GraphQL.Tests.Sources.GraphQL;

/// <summary>Each bad GraphQL setting gets a message naming its key (the worker's host tests show it stops the start).</summary>
public sealed class GraphQLSourceOptionsValidatorTests
{
    private static readonly GraphQLSourceOptionsValidator Validator = new();

    [Fact]
    public void Validate_EndpointAndDefaults_Succeeds()
    {
        var options = new GraphQLSourceOptions { Endpoint = new Uri("http://spot-oa:8889/graphql") };

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Timeout);
        Assert.Equal(6, options.Retries);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxRetryDelay);
        Assert.Equal(TimeSpan.FromMinutes(15), options.RetryBudget);
        Assert.Equal(4, options.MaxParallelSearches);
        Assert.Equal(64, options.MemoryBudgetMiB);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("graphql")]
    [InlineData("ftp://spot-oa/graphql")]
    public void Validate_EndpointNotAbsoluteHttp_NamesTheKey(string? endpoint)
    {
        var options = new GraphQLSourceOptions { Endpoint = endpoint is null ? null : new Uri(endpoint, UriKind.RelativeOrAbsolute) };

        var result = Validator.Validate(null, options);

        Assert.Contains("Source:GraphQL:Endpoint must be an absolute http or https URL", result.Failures!);
    }

    [Fact]
    public void Validate_BadLimits_NameEachKey()
    {
        var options = new GraphQLSourceOptions
        {
            Endpoint = new Uri("https://spot-oa/graphql"),
            Timeout = TimeSpan.Zero,
            Retries = -1,
            RetryBaseDelay = TimeSpan.FromSeconds(-1),
            MaxParallelSearches = 0,
            MemoryBudgetMiB = 0,
            CaBundlePath = "/nonexistent/ca.pem",
        };

        var failures = string.Join("\n", Validator.Validate(null, options).Failures!);

        foreach (var key in new[] { "Timeout", "Retries", "RetryBaseDelay", "MaxParallelSearches", "MemoryBudgetMiB" })
        {
            Assert.Contains($"Source:GraphQL:{key} ", failures, StringComparison.Ordinal);
        }

        Assert.Contains("Source:GraphQL:CaBundlePath: the file '/nonexistent/ca.pem' does not exist.", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HeaderValueWithLineBreak_NamesTheHeaderButNotTheValue()
    {
        var options = new GraphQLSourceOptions { Endpoint = new Uri("https://spot-oa/graphql") };
        options.Headers["Authorization"] = "Bearer secret\r\nX-Injected: 1";

        var failures = string.Join("\n", Validator.Validate(null, options).Failures!);

        Assert.Contains("Source:GraphQL:Headers:Authorization must be a single-line value", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HeaderValueNotAscii_NamesTheHeaderButNotTheValue()
    {
        var options = new GraphQLSourceOptions { Endpoint = new Uri("https://spot-oa/graphql") };
        options.Headers["Authorization"] = "Bearer clé";

        var failures = string.Join("\n", Validator.Validate(null, options).Failures!);

        Assert.Contains("Source:GraphQL:Headers:Authorization must be ASCII: it is sent as a request header", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("clé", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CaBundleWithoutCertificates_NamesTheKey()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a certificate");

            var failures = string.Join("\n", Validator.Validate(null, new GraphQLSourceOptions { Endpoint = new Uri("https://spot-oa/graphql"), CaBundlePath = path }).Failures!);

            Assert.Contains("Source:GraphQL:CaBundlePath", failures, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
