namespace ProxyThreat.Pipeline.Decisions;

/// <summary>Analysts' decisions by (date, URI); a later line for the same threat replaces an earlier one.</summary>
public sealed class DecisionBook
{
    private readonly Dictionary<(DateOnly, string), Decision> _decisions = [];

    public static DecisionBook Empty { get; } = new([]);

    public DecisionBook(IEnumerable<Decision> decisions)
    {
        foreach (var decision in decisions)
        {
            _decisions[(decision.Date, decision.Uri)] = decision;
        }
    }

    public int Count => _decisions.Count;

    public Decision? Find(DateOnly date, string uri) => _decisions.GetValueOrDefault((date, uri));

    /// <summary>The dates the decisions are for, in order.</summary>
    public IEnumerable<DateOnly> Dates => _decisions.Keys.Select(k => k.Item1).Distinct().Order();

    /// <summary>
    /// The decisions for a date whose URI is none of the URIs scored that day, in file order: a typo in a URI would
    /// otherwise leave a dismissed threat investigated without a word.
    /// </summary>
    public IReadOnlyList<Decision> Unmatched(DateOnly date, IEnumerable<string> scoredUris)
    {
        var scored = scoredUris.ToHashSet(StringComparer.Ordinal);
        return _decisions.Values.Where(d => d.Date == date && !scored.Contains(d.Uri)).OrderBy(d => d.Line).ToList();
    }
}
