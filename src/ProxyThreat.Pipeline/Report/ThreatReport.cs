using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Story;

namespace ProxyThreat.Pipeline.Report;

/// <summary>What the output store holds for one threat of a date: its storyboard row, incident file and timeline.</summary>
/// <param name="Origin">Where the title and text came from; null when the incident file does not say (Spot wrote it).</param>
/// <param name="Progression">The incident file's facts; null when there is none or it cannot be read (see <paramref name="Problem"/>).</param>
/// <param name="Problem">Why the incident file is missing or unreadable, to be shown on the page.</param>
public sealed record ThreatReport(
    string Uri,
    string? Title,
    string? Text,
    StoryOrigin? Origin,
    ProgressionSummary? Progression,
    string? Problem,
    IReadOnlyList<TimelineRow> Timeline);
