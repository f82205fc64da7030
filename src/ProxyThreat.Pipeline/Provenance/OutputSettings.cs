using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProxyThreat.Pipeline.Provenance;

/// <summary>The settings that shape what an investigation writes, and a hash of them to compare two outputs by.</summary>
public sealed record OutputSettings(IReadOnlyList<int> Severities, int TopResults, int TimelineGapSeconds)
{
    /// <summary>Lowercase hex SHA-256 of the settings in one canonical text, the same whatever order they were configured in.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $"severities={string.Join(",", Severities.Distinct().Order())};top_results={TopResults};timeline_gap_seconds={TimelineGapSeconds}"))));
}
