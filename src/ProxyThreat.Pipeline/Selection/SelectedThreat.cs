using ProxyThreat.Pipeline.Decisions;

namespace ProxyThreat.Pipeline.Selection;

/// <summary>A URI scored with a selected severity on its date, with the inputs its outputs depend on.</summary>
/// <param name="Uri">The URI.</param>
/// <param name="Severity">Its most severe selected score, which a generated title names.</param>
/// <param name="Scores">Every score it has on the date, selected or not, ascending and distinct (a URI can be scored twice).</param>
/// <param name="Decision">The analysts' decision for it on the date, if any.</param>
public sealed record SelectedThreat(string Uri, int Severity, IReadOnlyList<int> Scores, Decision? Decision);
