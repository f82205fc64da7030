namespace ProxyThreat.Pipeline.Sources.GraphQL;

/// <summary>How to reach Spot's GraphQL API (configuration section <c>Source:GraphQL</c>).</summary>
public sealed class GraphQLSourceOptions
{
    public const string Section = "Source:GraphQL";

    /// <summary>The API's absolute URL, e.g. <c>http://spot-oa:8889/graphql</c>. Required.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// Extra request headers, e.g. <c>Authorization</c> for a reverse proxy in front of Spot. Their values are
    /// secrets: they never appear in a log or an exception message.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The longest one attempt may take, from sending the request to the last byte of the answer.</summary>
    [KeyRange(typeof(TimeSpan), GraphQLSourceDefaults.MinTimeout, GraphQLSourceDefaults.MaxTimeout)]
    public TimeSpan Timeout { get; set; } = GraphQLSourceDefaults.Timeout;

    /// <summary>How many times a transport failure, a timeout or a 5xx answer is retried.</summary>
    [KeyRange(0, GraphQLSourceDefaults.MaxRetries)]
    public int Retries { get; set; } = GraphQLSourceDefaults.Retries;

    /// <summary>The wait before the first retry; it doubles for each further one, with jitter.</summary>
    [KeyRange(typeof(TimeSpan), "00:00:00", GraphQLSourceDefaults.MaxRetryBaseDelay)]
    public TimeSpan RetryBaseDelay { get; set; } = GraphQLSourceDefaults.RetryBaseDelay;

    /// <summary>No single wait between attempts is longer.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = GraphQLSourceDefaults.MaxRetryDelay;

    /// <summary>The longest one read may take, every attempt and wait included.</summary>
    [KeyRange(typeof(TimeSpan), GraphQLSourceDefaults.MinRetryBudget, GraphQLSourceDefaults.MaxRetryBudget)]
    public TimeSpan RetryBudget { get; set; } = GraphQLSourceDefaults.RetryBudget;

    /// <summary>
    /// A PEM bundle of the certificate authorities that may sign the server's certificate, for a Spot behind
    /// a private CA. When set, the server certificate is validated against these roots only.
    /// </summary>
    public string? CaBundlePath { get; set; }

    /// <summary>How many expanded searches run at once.</summary>
    [KeyRange(1, GraphQLSourceDefaults.MaxMaxParallelSearches)]
    public int MaxParallelSearches { get; set; } = GraphQLSourceDefaults.MaxParallelSearches;

    /// <summary>
    /// How much of one expanded search's rows (36 bytes each) is held in memory; past it, the rows go to a file in
    /// <see cref="SpillFolder"/>, deleted when the search is done.
    /// </summary>
    [KeyRange(1, GraphQLSourceDefaults.MaxMemoryBudgetMiB)]
    public int MemoryBudgetMiB { get; set; } = GraphQLSourceDefaults.MemoryBudgetMiB;

    /// <summary>Where rows past the budget go; null or empty: <c>proxythreat</c> in the system's temporary folder.</summary>
    public string? SpillFolder { get; set; }
}
