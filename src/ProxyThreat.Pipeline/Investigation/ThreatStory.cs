using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Sources;

namespace ProxyThreat.Pipeline.Investigation;

/// <summary>
/// The title and text written to the storyboard. Each comes first from the analyst's decision, else from
/// Spot's saved storyboard entry, else from the worker's own summary of the aggregates.
/// </summary>
public sealed record ThreatStory(string Title, string Text, StoryOrigin Origin)
{
    /// <summary>True when neither a decision nor a storyboard entry says anything about the threat.</summary>
    public static bool IsMissing(Decision? decision, StoryboardEntry? entry) =>
        decision?.Title is null && decision?.Text is null && entry?.Title is null && entry?.Text is null;

    public static ThreatStory Resolve(Decision? decision, StoryboardEntry? entry, DateOnly date, ThreatAnalysis analysis)
    {
        var title = decision?.Title ?? entry?.Title;
        var text = decision?.Text ?? entry?.Text;
        var origin = decision?.Title is not null || decision?.Text is not null ? StoryOrigin.Decision
            : entry?.Title is not null || entry?.Text is not null ? StoryOrigin.Storyboard
            : StoryOrigin.Generated;
        return new ThreatStory(
            title ?? SummaryWriter.Title(analysis),
            text ?? SummaryWriter.Text(date, analysis),
            origin);
    }
}
