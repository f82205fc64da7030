using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Sources;

namespace ProxyThreat.Pipeline.Selection;

/// <summary>
/// The first step of a date: which scored URIs are threats (a score among the selected severities), each with
/// its decision. The investigator works through a selection, and the ledger judges what is due by the same one.
/// </summary>
public sealed class ThreatSelection
{
    private readonly Dictionary<string, SelectedThreat> _byUri;

    private ThreatSelection(DateOnly date, IReadOnlyList<SelectedThreat> threats, int scoredCount, DecisionBook decisions)
    {
        Date = date;
        Threats = threats;
        ScoredCount = scoredCount;
        Decisions = decisions;
        _byUri = threats.ToDictionary(t => t.Uri, StringComparer.Ordinal);
    }

    public DateOnly Date { get; }

    /// <summary>The threats, in the order the source listed their first score.</summary>
    public IReadOnlyList<SelectedThreat> Threats { get; }

    /// <summary>How many scores the source listed for the date, threats or not.</summary>
    public int ScoredCount { get; }

    /// <summary>The decisions the selection was made with, of every date.</summary>
    public DecisionBook Decisions { get; }

    public SelectedThreat? Find(string uri) => _byUri.GetValueOrDefault(uri);

    /// <param name="date">The date scored.</param>
    /// <param name="scored">Its scores as the source lists them.</param>
    /// <param name="decisions">The analysts' decisions.</param>
    /// <param name="severities">The scores that make a URI a threat.</param>
    public static ThreatSelection Select(DateOnly date, IReadOnlyList<ScoredThreat> scored, DecisionBook decisions, IReadOnlySet<int> severities)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(severities);
        var threats = scored
            .GroupBy(t => t.Uri, StringComparer.Ordinal)
            .Where(g => g.Any(t => t.Severity is { } s && severities.Contains(s)))
            .Select(g => new SelectedThreat(
                g.Key,
                g.Where(t => t.Severity is { } s && severities.Contains(s)).Min(t => t.Severity!.Value),
                g.Select(t => t.Severity).OfType<int>().Distinct().Order().ToList(),
                decisions.Find(date, g.Key)))
            .ToList();
        return new ThreatSelection(date, threats, scored.Count, decisions);
    }

    /// <summary>The scores that make a URI a threat under <paramref name="options"/>.</summary>
    public static IReadOnlySet<int> SeveritiesOf(InvestigationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (options.Severities ?? InvestigationDefaults.Severities).ToHashSet();
    }

    /// <summary>Reads the date's scores from the source and selects from them.</summary>
    public static async Task<ThreatSelection> ReadAsync(IThreatSource source, DateOnly date, DecisionBook decisions, IReadOnlySet<int> severities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Select(date, await source.GetScoredThreatsAsync(date, cancellationToken), decisions, severities);
    }
}
