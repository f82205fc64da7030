namespace ProxyThreat.Pipeline.Story;

/// <summary>Where a threat's title and text came from (FORMATS.md section 4 step 2).</summary>
public enum StoryOrigin
{
    Decision,
    Storyboard,
    Generated,
}
