using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Output;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Story;

namespace ProxyThreat.Pipeline.Notify;

/// <summary>
/// What was written for one threat, as the receivers announce it: the story, the counts (each list cut to its
/// first entries, most requests first) and where the outputs are. Nothing in it depends on the time of the run,
/// so a rerun with the same inputs gives the same documents.
/// </summary>
/// <param name="Severity">Spot's score of the threat on the date (1 high, 2 medium, 3 low).</param>
/// <param name="Rows">The expanded search's size: requests whose fulluri or referer is the URI.</param>
/// <param name="Requests">Requests whose fulluri is the URI.</param>
/// <param name="Clients">Distinct client IPs of the expanded search.</param>
/// <param name="Referers">The pages that sent users to the URI.</param>
public sealed record WrittenThreat(
    DateOnly Date,
    string Uri,
    int Severity,
    ThreatStory Story,
    int Rows,
    int Requests,
    int Clients,
    IReadOnlyList<CountedValue> ClientIps,
    IReadOnlyList<CountedValue> RequestMethods,
    IReadOnlyList<CountedValue> ContentTypes,
    IReadOnlyList<CountedValue> Referers,
    DateTime? FirstSeen,
    DateTime? LastSeen,
    ThreatOutputs Outputs)
{
    public string Md5 => SpotLayout.Md5(Uri);

    /// <param name="date">The date.</param>
    /// <param name="severity">The threat's score.</param>
    /// <param name="story">The story written to the storyboard.</param>
    /// <param name="analysis">The aggregates written.</param>
    /// <param name="outputs">Where they were written.</param>
    /// <param name="listed">How many entries each list keeps (<c>Investigation:TopResults</c>).</param>
    public static WrittenThreat Of(DateOnly date, int severity, ThreatStory story, ThreatAnalysis analysis, ThreatOutputs outputs, int listed)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        IReadOnlyList<CountedValue> Top(IEnumerable<CountedValue> values) => values.Where(v => !string.IsNullOrEmpty(v.Value) && v.Value != "-").Take(listed).ToList();
        return new WrittenThreat(
            date,
            analysis.Uri,
            severity,
            story,
            analysis.RowCount,
            analysis.RequestCount,
            analysis.ClientCount,
            Top(analysis.ClientIps),
            Top(analysis.RequestMethods),
            Top(analysis.ContentTypes),
            Top(analysis.Referers),
            analysis.FirstSeen,
            analysis.LastSeen,
            outputs);
    }
}
