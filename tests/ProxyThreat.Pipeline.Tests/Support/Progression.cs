using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Output;
using ProxyThreat.Pipeline.Story;

namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>An incident-progression file's bytes, as the writer streams them.</summary>
public static class Progression
{
    public static async Task<byte[]> BytesAsync(ThreatAnalysis analysis, StoryOrigin origin)
    {
        using var buffer = new MemoryStream();
        await IncidentProgression.WriteAsync(buffer, analysis, origin, CancellationToken.None);
        return buffer.ToArray();
    }
}
