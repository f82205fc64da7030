using System.Globalization;
using ProxyThreat.Pipeline.Selection;

namespace ProxyThreat.Worker.Ledger;

/// <summary>What an investigation of a threat depends on: a change in any of these makes it due again.</summary>
/// <param name="Score">The URI's score(s) on the date, ascending and comma separated (a URI can be scored twice).</param>
/// <param name="Action">The decision's action, <c>investigate</c> or <c>dismiss</c>; null without a decision.</param>
public sealed record ThreatInputs(string Score, string? Title, string? Text, string? Action)
{
    public static ThreatInputs Of(SelectedThreat threat)
    {
        ArgumentNullException.ThrowIfNull(threat);
        var decision = threat.Decision;
        return new ThreatInputs(
            string.Join(",", threat.Scores.Select(s => s.ToString(CultureInfo.InvariantCulture))),
            decision?.Title,
            decision?.Text,
            decision?.Action.ToString().ToLowerInvariant());
    }
}
