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
}
