namespace ProxyThreat.Pipeline.Analysis;

/// <summary>How the timeline is cut: the top <see cref="TopResults"/> clients, sessions split at gaps longer than <see cref="Gap"/>.</summary>
public sealed record TimelineSettings(int TopResults, TimeSpan Gap);
