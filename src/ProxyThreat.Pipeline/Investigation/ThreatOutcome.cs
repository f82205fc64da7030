namespace ProxyThreat.Pipeline.Investigation;

/// <summary>The result of investigating one threat of a date; a failure carries its error.</summary>
public sealed record ThreatOutcome(
    DateOnly Date,
    string Uri,
    ThreatStatus Status,
    int Rows,
    int Clients,
    TimeSpan Elapsed,
    StoryOrigin? Origin = null,
    Exception? Error = null)
{
    public bool Succeeded => Status != ThreatStatus.Failed;
}
