namespace ProxyThreat.Pipeline.Sources.GraphQL;

/// <summary>Defaults and limits of <see cref="GraphQLSourceOptions"/>, in one place.</summary>
public static class GraphQLSourceDefaults
{
    /// <summary>The configuration section the options bind to.</summary>
    public const string SectionName = "Source:GraphQL";

    /// <summary>Spot's expanded search of a popular URI runs a long Impala query: give it time.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(2);

    public const int Retries = 3;

    public const int MaxRetries = 10;

    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan MaxRetryBaseDelay = TimeSpan.FromMinutes(1);

    /// <summary>No single wait between attempts is longer than this, however many attempts went before.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(2);

    public const int MaxParallelSearches = 4;

    public const int MaxMaxParallelSearches = 64;
}
