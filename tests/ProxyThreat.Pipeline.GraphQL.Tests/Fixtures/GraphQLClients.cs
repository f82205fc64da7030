using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Search;
using ProxyThreat.Pipeline.Sources.GraphQL;
using ProxyThreat.Pipeline.Tls;

namespace ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;

/// <summary>Builds the GraphQL source as the worker would, with test-sized timeouts and retry delays.</summary>
internal static class GraphQLClients
{
    public static GraphQLSourceOptions Options(Uri endpoint, Action<GraphQLSourceOptions>? configure = null)
    {
        var options = new GraphQLSourceOptions
        {
            Endpoint = endpoint,
            Timeout = TimeSpan.FromSeconds(20),
            Retries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        };
        configure?.Invoke(options);
        return options;
    }

    public static GraphQLHttpClient Client(GraphQLSourceOptions options, ILogger<GraphQLHttpClient>? logger = null) => new(
        new HttpClient(HttpHandlers.Create(options.CaBundlePath, $"{GraphQLSourceOptions.Section}:CaBundlePath")),
        Microsoft.Extensions.Options.Options.Create(options),
        TimeProvider.System,
        logger ?? new FakeLogger<GraphQLHttpClient>());

    public static GraphQLSource Source(GraphQLSourceOptions options, ILogger<GraphQLHttpClient>? logger = null) =>
        new(Client(options, logger), Microsoft.Extensions.Options.Options.Create(options), new SpillFolder(options.SpillFolder ?? SpillRoot));

    /// <summary>Where the tests' searches spill unless a test names its own folder.</summary>
    public static string SpillRoot { get; } = Path.Join(Path.GetTempPath(), "proxythreat-tests-spill");
}
