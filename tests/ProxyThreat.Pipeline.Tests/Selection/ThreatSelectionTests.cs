using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Selection;
using ProxyThreat.Pipeline.Sources;

namespace ProxyThreat.Pipeline.Tests.Selection;

public sealed class ThreatSelectionTests
{
    private static readonly DateOnly Day = new(2016, 7, 8);

    [Fact]
    public void Select_ScoresOfEverySeverity_KeepsUrisWithASelectedScoreInTheSourcesOrderWithAllTheirScores()
    {
        ScoredThreat[] scored = [new("http://b/", 3), new("http://a/", 2), new("http://b/", 1), new("http://c/", 3), new("http://a/", null), new("http://a/", 2)];

        var selection = ThreatSelection.Select(Day, scored, DecisionBook.Empty, new HashSet<int> { 1, 2 });

        Assert.Equal(
            [new SelectedThreat("http://b/", 1, [1, 3], null), new SelectedThreat("http://a/", 2, [2], null)],
            selection.Threats,
            new SelectedThreatComparer());
        Assert.Equal(6, selection.ScoredCount);
        Assert.Null(selection.Find("http://c/"));
    }

    [Fact]
    public void Select_DecisionsOfThisAndOtherDates_EachThreatCarriesOnlyItsDatesDecision()
    {
        var decisions = new DecisionBook(
        [
            new Decision(Day, "http://a/", "Title", "Text", DecisionAction.Investigate),
            new Decision(Day.AddDays(1), "http://b/", null, null, DecisionAction.Dismiss),
        ]);

        var selection = ThreatSelection.Select(Day, [new("http://a/", 1), new("http://b/", 1)], decisions, new HashSet<int> { 1 });

        Assert.Equal("Title", selection.Find("http://a/")!.Decision!.Title);
        Assert.Null(selection.Find("http://b/")!.Decision);
        Assert.Same(decisions, selection.Decisions);
    }

    private sealed class SelectedThreatComparer : IEqualityComparer<SelectedThreat>
    {
        public bool Equals(SelectedThreat? x, SelectedThreat? y) =>
            x is not null && y is not null && (x.Uri, x.Severity, x.Decision) == (y.Uri, y.Severity, y.Decision) && x.Scores.SequenceEqual(y.Scores);

        public int GetHashCode(SelectedThreat obj) => obj.Uri.GetHashCode(StringComparison.Ordinal);
    }
}
