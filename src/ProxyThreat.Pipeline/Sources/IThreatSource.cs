namespace ProxyThreat.Pipeline.Sources;

/// <summary>Where Spot's data comes from: its tables, or its GraphQL API.</summary>
public interface IThreatSource
{
    /// <summary>Every URI scored on the date, with its score; a URI scored twice appears twice.</summary>
    Task<IReadOnlyList<ScoredThreat>> GetScoredThreatsAsync(DateOnly date, CancellationToken cancellationToken);

    /// <summary>The storyboard entries saved in Spot for the date.</summary>
    Task<IReadOnlyList<StoryboardEntry>> GetStoryboardEntriesAsync(DateOnly date, CancellationToken cancellationToken);

    /// <summary>
    /// The expanded search of each URI, one result per URI as each completes. A failure for one URI is a
    /// result carrying the error; the others go on.
    /// </summary>
    IAsyncEnumerable<ExpandedSearch> SearchAsync(DateOnly date, IReadOnlyCollection<string> uris, CancellationToken cancellationToken);

    /// <summary>Proves the source is reachable and offers what the reads above need; says what it found, or throws saying what to fix.</summary>
    Task<string> CheckAsync(CancellationToken cancellationToken);
}
