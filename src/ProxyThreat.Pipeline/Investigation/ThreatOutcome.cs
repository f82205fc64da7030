using ProxyThreat.Pipeline.Notify;
using ProxyThreat.Pipeline.Story;

namespace ProxyThreat.Pipeline.Investigation;

/// <summary>
/// The result of investigating one threat of a date; a failure carries its error, a threat written what was
/// written (for the receivers that announce it).
/// </summary>
public sealed record ThreatOutcome(
    DateOnly Date,
    string Uri,
    ThreatStatus Status,
    int Rows,
    int Clients,
    TimeSpan Elapsed,
    StoryOrigin? Origin = null,
    Exception? Error = null,
    WrittenThreat? Written = null)
{
    public bool Succeeded => Status != ThreatStatus.Failed;
}
