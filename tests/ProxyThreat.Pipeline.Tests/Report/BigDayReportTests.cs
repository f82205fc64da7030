using ProxyThreat.Pipeline.Report;
using ProxyThreat.Pipeline.Tests.Support;

namespace ProxyThreat.Pipeline.Tests.Report;

/// <summary>
/// A big day, 200 ordinary threats and one with 100,000 requests from 5,000 clients: the page stays small,
/// draws at most its limits and says what it left out.
/// </summary>
[Collection(ReportPages.Name)]
public sealed class BigDayReportTests
{
    private readonly ReportDays.Rendered _page;

    public BigDayReportTests(BigDayPage day)
    {
        ArgumentNullException.ThrowIfNull(day);
        _page = day.Page;
    }

    [Fact]
    public void Render_BigDay_StaysUnderThreeMegabytesWithEveryThreat()
    {
        Assert.True(_page.Bytes.Length < 3_000_000, $"the page has {_page.Bytes.Length:N0} bytes");
        Assert.Equal(201, _page.Document.QuerySelectorAll("section.threat").Length);
        Assert.Contains(_page.Document.QuerySelectorAll("section.threat p.facts"), p => p.TextContent.StartsWith("100,000 requests in the expanded search", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_BigThreat_CollapsesTheGraphsLongTailsAndSaysHowMuch()
    {
        var section = BigSection();
        var nodes = section.QuerySelectorAll("svg.graph rect.node").ToList();
        var more = section.QuerySelectorAll("svg.graph rect.more").Select(r => r.QuerySelector("title")!.TextContent).ToList();

        Assert.Equal((ReportLimits.GraphNodesPerSide + 1) * 2, nodes.Count);
        Assert.Equal(2, more.Count);
        Assert.Matches("^\\+291 more pages \\([0-9,]+ requests\\)$", more[0]);
        Assert.Equal("+490 more pages", more[1]);
    }

    [Fact]
    public void Render_BigThreat_CapsTablesLanesAndBarsAndSaysSo()
    {
        var section = BigSection();
        var notes = section.QuerySelectorAll("p.note").Select(n => n.TextContent).ToList();
        var bars = section.QuerySelectorAll("svg.timeline rect.r2, svg.timeline rect.r3, svg.timeline rect.r4, svg.timeline rect.r5, svg.timeline rect.rx");

        Assert.Contains("Clients (top 10 of 5,000)", section.QuerySelectorAll("table.counts caption").Select(c => c.TextContent));
        Assert.Contains("+4,990 more not shown", section.QuerySelectorAll("tr.more td").Select(c => c.TextContent));
        // Clients whose every request was sent on from the URI have no lane (their requests were not to the URI).
        Assert.Contains("The timeline was cut to the top 100 of 5,000 clients by requests (Investigation:TopResults); 89 clients have a lane.", notes);
        Assert.Contains("Only the first 25 lanes are drawn; 64 more clients are left out.", notes);
        Assert.Contains(notes, n => n.StartsWith("Only the first 400 of ", StringComparison.Ordinal) && n.EndsWith(" bars of these lanes are drawn; the rest are left out.", StringComparison.Ordinal));
        Assert.Equal(ReportLimits.TimelineBars, bars.Length);
        Assert.Equal(ReportLimits.TimelineLanes, section.QuerySelectorAll("svg.timeline text.ip").Length);
    }

    private AngleSharp.Dom.IElement BigSection() =>
        _page.Document.QuerySelectorAll("section.threat").Single(s => s.QuerySelector("p.uri")!.TextContent == BigDayPage.Big);
}
