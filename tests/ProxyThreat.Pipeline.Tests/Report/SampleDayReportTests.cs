using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Report;
using ProxyThreat.Pipeline.Tables;
using ProxyThreat.Pipeline.Tests.Support;

namespace ProxyThreat.Pipeline.Tests.Report;

/// <summary>The sample day's report, checked against the tables and incident files it was made from.</summary>
[Collection(ReportPages.Name)]
public sealed class SampleDayReportTests
{
    private readonly SpotFolder _output;
    private readonly List<ThreatOutcome> _outcomes;
    private readonly ReportDays.Rendered _page;

    public SampleDayReportTests(SampleDayPage day)
    {
        ArgumentNullException.ThrowIfNull(day);
        _output = day.Output;
        _outcomes = day.Outcomes;
        _page = day.Page;
    }

    [Fact]
    public async Task Render_SampleDay_ShowsEveryStoryboardRowWithItsTitleTextAndUriInStoryboardOrder()
    {
        var storyboard = await _output.ReadAsync(_output.Storyboard(), SpotTables.Storyboard);
        var sections = Sections();

        Assert.Equal(3, storyboard.Count);
        Assert.Equal(storyboard.Count, sections.Count);
        for (var i = 0; i < storyboard.Count; i++)
        {
            Assert.Equal($"{i + 1}. {storyboard[i][1]}", sections[i].QuerySelector("h2")!.TextContent);
            Assert.Equal(storyboard[i][0], sections[i].QuerySelector("p.uri")!.TextContent);
            Assert.Equal(storyboard[i][2], sections[i].QuerySelector("p.story")!.TextContent);
            Assert.Equal($"t{i + 1}", sections[i].Id);
        }
    }

    [Fact]
    public void Render_SampleDay_LeavesOutTheDismissedThreat()
    {
        var dismissed = Assert.Single(_outcomes, o => o.Status == ThreatStatus.Dismissed).Uri;

        Assert.DoesNotContain(dismissed, _page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("account-verify", System.Text.Encoding.UTF8.GetString(_page.Bytes), StringComparison.Ordinal);
        Assert.Equal("1", Fact("Dismissed"));
    }

    [Fact]
    public void Render_SampleDay_CountTablesEqualTheIncidentFiles()
    {
        foreach (var section in Sections())
        {
            var uri = section.QuerySelector("p.uri")!.TextContent;
            using var json = JsonDocument.Parse(File.ReadAllBytes(ReportDays.ProgressionFile(_output, uri)));
            var counts = json.RootElement.GetProperty("counts");
            var tables = section.QuerySelectorAll("table.counts").ToList();
            Assert.Equal(4, tables.Count);
            foreach (var (table, key) in tables.Zip(["clientip", "reqmethod", "resconttype", "referer"]))
            {
                var expected = counts.GetProperty(key).EnumerateArray()
                    .Select(c => (Value: c.GetProperty("value").GetString() ?? "(empty)", Requests: c.GetProperty("requests").GetInt32()))
                    .ToList();
                var shown = Math.Min(expected.Count, ReportLimits.TableRows);
                var rows = table.QuerySelectorAll("tbody tr").ToList();
                Assert.Equal(
                    expected.Take(shown),
                    rows.Take(shown).Select(r => (r.Children[0].TextContent, Number(r.Children[1].TextContent))));
                if (expected.Count > shown)
                {
                    // Capped: the caption says so, and the last row counts what was left out.
                    Assert.EndsWith($"(top {shown} of {expected.Count})", table.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
                    Assert.Equal($"+{expected.Count - shown} more not shown", rows[^1].Children[0].TextContent);
                    Assert.Equal(expected.Skip(shown).Sum(e => e.Requests), Number(rows[^1].Children[1].TextContent));
                }
                else
                {
                    Assert.EndsWith($"({expected.Count})", table.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
                }
            }

            Assert.StartsWith(
                $"{counts.GetProperty("rows").GetInt32():N0} request",
                section.QuerySelector("p.facts")!.TextContent,
                StringComparison.Ordinal);
        }

        Assert.Equal(_outcomes.Sum(o => o.Rows).ToString("N0", CultureInfo.InvariantCulture), Fact("Rows scanned"));
    }

    [Fact]
    public async Task Render_SampleDay_TimelineDrawsABarPerTimelineRowWithCodeAndNameOnHover()
    {
        var timeline = await _output.ReadAsync(_output.Timeline(), SpotTables.Timeline);
        foreach (var section in Sections())
        {
            var uri = section.QuerySelector("p.uri")!.TextContent;
            var rows = timeline.Where(r => (string?)r[0] == uri).ToList();
            var bars = section.QuerySelectorAll("svg.timeline rect.r2, svg.timeline rect.r3, svg.timeline rect.r4, svg.timeline rect.r5, svg.timeline rect.rx").ToList();

            Assert.Equal(rows.Count, bars.Count);
            Assert.Equal(
                rows.Select(r => $"{r[4]}: {r[5] ?? "(empty)"} {r[6]}, {((string)r[1]!)[11..]} to {((string)r[2]!)[11..]}, {(long)r[3]!:N0} ms").Order(StringComparer.Ordinal),
                bars.Select(b => b.QuerySelector("title")!.TextContent).Order(StringComparer.Ordinal));
            var lanes = section.QuerySelectorAll("svg.timeline text.ip").Select(t => t.TextContent).ToList();
            Assert.Equal(rows.Select(r => (string)r[4]!).Distinct(), lanes);
        }
    }

    [Fact]
    public void Render_SampleDay_SaysWhenTheTimelineWasCutToTheTopClients()
    {
        // The rotator gate has 36 clients; the timeline keeps the top 20 (TopResults).
        var rotator = Sections().Single(s => s.QuerySelector("p.uri")!.TextContent.Contains("rotator-cdn-gate.biz/lp/gate.php", StringComparison.Ordinal));

        Assert.Contains(
            rotator.QuerySelectorAll("p.note"),
            n => n.TextContent.StartsWith("The timeline was cut to the top 20 of 36 clients by requests", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_SampleDay_SaysWhereEachStoryCameFrom()
    {
        foreach (var outcome in _outcomes.Where(o => o.Status == ThreatStatus.Written))
        {
            var section = Sections().Single(s => s.QuerySelector("p.uri")!.TextContent == outcome.Uri);
            Assert.Equal($"origin {outcome.Origin!.Value.ToString().ToLowerInvariant()}", section.QuerySelector("span.origin")!.ClassName);
        }

        Assert.Equal(
            ["decision", "generated", "storyboard"],
            _outcomes.Where(o => o.Origin is not null).Select(o => o.Origin!.Value.ToString().ToLowerInvariant()).Order());
    }

    [Fact]
    public void Render_SampleDay_HeaderCountsFromTheLedgerAndTheTimeItWasMade()
    {
        Assert.Equal("3", Fact("Threats on the storyboard"));
        Assert.Equal("3", Fact("Written"));
        Assert.Equal("0", Fact("Failed"));
        Assert.Contains("Report made 2016-07-09 06:00:00 UTC", _page.Document.QuerySelector("p.made")!.TextContent, StringComparison.Ordinal);
    }

    private List<IElement> Sections() => _page.Document.QuerySelectorAll("section.threat").ToList();

    private string Fact(string name) =>
        _page.Document.QuerySelectorAll("dl.summary dt").Single(dt => dt.TextContent == name).NextElementSibling!.TextContent;

    private static int Number(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
