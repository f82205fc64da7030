namespace ProxyThreat.Pipeline.Sources;

/// <summary>A storyboard entry saved in Spot for a URI (table proxy_storyboard).</summary>
public sealed record StoryboardEntry(string Uri, string? Title, string? Text);
