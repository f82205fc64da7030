using ProxyThreat.Pipeline.Story;

namespace ProxyThreat.Pipeline.Provenance;

/// <summary>
/// Where an investigation's outputs came from: what the source read, where the story came from, which worker
/// and which settings made them, and the cap the timeline applied. Nothing in it depends on the clock, so a
/// repeat run with the same inputs writes the same bytes.
/// </summary>
/// <param name="Source">What the source read for the date.</param>
/// <param name="Rows">The expanded search's size.</param>
/// <param name="Story">Where the storyboard's title and text came from.</param>
/// <param name="Settings">The settings that shape the outputs.</param>
/// <param name="Clients">How many distinct client IPs the expanded search holds.</param>
/// <param name="TimelineClients">How many of them the timeline was cut to (<c>TopResults</c> at most).</param>
/// <param name="Worker">The worker's version (<see cref="WorkerVersion.Current"/>).</param>
public sealed record ThreatProvenance(SourceRead Source, int Rows, StoryOrigin Story, OutputSettings Settings, int Clients, int TimelineClients, string Worker)
{
    /// <summary>True when the timeline holds fewer clients than the expanded search.</summary>
    public bool TimelineCapped => TimelineClients < Clients;
}
