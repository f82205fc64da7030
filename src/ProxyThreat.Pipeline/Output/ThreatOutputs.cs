namespace ProxyThreat.Pipeline.Output;

/// <summary>Where one threat's outputs are, as HDFS paths (under the output root for the local output).</summary>
/// <param name="IncidentProgression">The incident-progression JSON file.</param>
/// <param name="Storyboard">The file holding the threat's storyboard row.</param>
/// <param name="Timeline">The file holding the threat's timeline rows; null when the timeline is empty.</param>
public sealed record ThreatOutputs(string IncidentProgression, string Storyboard, string? Timeline);
