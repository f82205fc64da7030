using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Sources;

namespace ProxyThreat.Pipeline.Story;

/// <summary>
/// The title and text written to the storyboard. Each comes first from the analyst's decision, else from
/// Spot's saved storyboard entry, else from the worker's own summary of the aggregates. A saved entry the
/// worker itself generated on an earlier run counts as no entry, so its summary follows the data.
/// </summary>
public sealed record ThreatStory(string Title, string Text, StoryOrigin Origin)
{
    /// <summary>True when neither a decision nor an analyst's storyboard entry says anything about the threat.</summary>
    public static bool IsMissing(Decision? decision, StoryboardEntry? entry) =>
        decision?.Title is null && decision?.Text is null && Saved(entry?.Title) is null && Saved(entry?.Text) is null;

    /// <param name="decision">The analyst's decision for the threat, if any.</param>
    /// <param name="entry">Spot's saved storyboard entry for the threat, if any.</param>
    /// <param name="date">The investigated date.</param>
    /// <param name="analysis">The threat's aggregates.</param>
    /// <param name="severity">The threat's score on the date, for a generated title.</param>
    /// <param name="topResults">How many clients the timeline is cut to, for a generated text.</param>
    public static ThreatStory Resolve(Decision? decision, StoryboardEntry? entry, DateOnly date, ThreatAnalysis analysis, int severity, int topResults)
    {
        var title = decision?.Title ?? Saved(entry?.Title);
        var text = decision?.Text ?? Saved(entry?.Text);
        var origin = decision?.Title is not null || decision?.Text is not null ? StoryOrigin.Decision
            : Saved(entry?.Title) is not null || Saved(entry?.Text) is not null ? StoryOrigin.Storyboard
            : StoryOrigin.Generated;
        return new ThreatStory(
            title ?? GeneratedStory.Title(analysis, severity),
            text ?? GeneratedStory.Text(date, analysis, topResults),
            origin);
    }

    private static string? Saved(string? value) => GeneratedStory.IsGenerated(value) ? null : value;
}
