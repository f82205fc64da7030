namespace ProxyThreat.Pipeline.Sources.GraphQL;

/// <summary>Defaults and limits of <see cref="GraphQLSourceOptions"/>, in one place.</summary>
public static class GraphQLSourceDefaults
{
    /// <summary>Spot's expanded search of a popular URI runs a long Impala query: give it time.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public const string MinTimeout = "00:00:00.01";

    public const string MaxTimeout = "02:00:00";

    /// <summary>With <see cref="RetryBaseDelay"/> and <see cref="MaxRetryDelay"/>, rides out a minute and more of an API restart.</summary>
    public const int Retries = 6;

    public const int MaxRetries = 20;

    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(2);

    public const string MaxRetryBaseDelay = "00:01:00";

    /// <summary>No single wait between attempts is longer than this, however many attempts went before.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MaxMaxRetryDelay = TimeSpan.FromMinutes(10);

    /// <summary>One read with all its retries; three times <see cref="Timeout"/>, so a slow search still gets its retries.</summary>
    public static readonly TimeSpan RetryBudget = TimeSpan.FromMinutes(15);

    public const string MinRetryBudget = "00:00:00.01";

    public const string MaxRetryBudget = "1.00:00:00";

    public const int MaxParallelSearches = 4;

    public const int MaxMaxParallelSearches = 64;

    /// <summary>About 1.9 million rows of one search in memory before it spills.</summary>
    public const int MemoryBudgetMiB = 64;

    public const int MaxMemoryBudgetMiB = 65_536;
}
