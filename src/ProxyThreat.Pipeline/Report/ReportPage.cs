using System.Globalization;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using ProxyThreat.Pipeline.Output;
using ProxyThreat.Pipeline.Report.Internal;
using ProxyThreat.Pipeline.Story;

namespace ProxyThreat.Pipeline.Report;

/// <summary>
/// One date's report as a self-contained HTML page: inline CSS and SVG, no script, no link out, and a
/// Content-Security-Policy that forbids every network load. Every value from the proxy log is attacker-controlled;
/// the page is built as a DOM and serialized, so each value is escaped text wherever it appears, and URIs are
/// shown as text, never as links.
/// </summary>
public static class ReportPage
{
    private const string Skeleton = "<!DOCTYPE html><html lang=\"en\"><head></head><body></body></html>";

    public static byte[] Render(DayReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var document = new HtmlParser().ParseDocument(Skeleton);
        Head(document, report);
        Header(document.Body!, report);
        for (var i = 0; i < report.Threats.Count; i++)
        {
            Threat(document.Body!, i + 1, report.Threats[i], report.TopResults);
        }

        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false)))
        {
            document.ToHtml(writer, HtmlMarkupFormatter.Instance);
        }

        return buffer.ToArray();
    }

    private static void Head(IDocument document, DayReport report)
    {
        var head = document.Head!;
        head.Add("meta").Set("charset", "utf-8");
        head.Add("meta").Set("http-equiv", "Content-Security-Policy").Set("content", ReportStyle.ContentSecurityPolicy);
        head.Add("meta").Set("name", "referrer").Set("content", "no-referrer");
        head.Add("meta").Set("name", "viewport").Set("content", "width=device-width, initial-scale=1");
        head.AddText("title", $"Proxy threats of {Day(report.Date)}: ProxyThreat report");
        head.AddText("style", ReportStyle.Css);
    }

    private static void Header(IElement body, DayReport report)
    {
        var header = body.Add("header");
        header.AddText("h1", $"Proxy threats of {Day(report.Date)}");
        header.AddText("p", string.Create(CultureInfo.InvariantCulture, $"Report made {report.MadeAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC by ProxyThreat from {report.Location}"), "made");

        var summary = header.Add("dl", "summary");
        void Fact(string name, string value)
        {
            summary.AddText("dt", name);
            summary.AddText("dd", value);
        }

        Fact("Threats on the storyboard", Shown.Count(report.Threats.Count));
        if (report.Tally is { } tally)
        {
            Fact("Written", Shown.Count(tally.Written));
            Fact("Dismissed", Shown.Count(tally.Dismissed));
            Fact("Failed", Shown.Count(tally.Failed));
            if (tally.Skipped > 0)
            {
                Fact("Waiting for a decision", Shown.Count(tally.Skipped));
            }
        }

        Fact("Rows scanned", Shown.Count(report.RowsScanned));
        if (report.Tally is { } t)
        {
            header.AddText("p", $"Written, dismissed and failed as the ledger {t.Ledger} records them.", "muted");
        }
        else
        {
            header.AddText("p", report.LedgerProblem is { } problem
                ? $"{problem}; written, dismissed and failed threats are not counted, and the threats below are those on the storyboard."
                : "No ledger was found, so written, dismissed and failed threats are not counted; the threats below are those on the storyboard.", report.LedgerProblem is null ? "muted" : "note");
        }

        if (report.Tally is { Failures.Count: > 0 } failing)
        {
            header.AddText("h3", "Failed threats");
            var list = header.Add("ul");
            foreach (var failure in failing.Failures)
            {
                var item = list.Add("li");
                item.AddText("span", Shown.Visible(failure.Uri), "uri");
                item.AddText("span", $" {(failure.GivenUp ? "given up" : "will be retried")}: {Shown.Short(failure.Error ?? "no error recorded", ReportLimits.CellCharacters)}");
            }
        }

        header.AddText("p", $"Each graph shows at most {ReportLimits.GraphNodesPerSide} pages a side, each table {ReportLimits.TableRows} rows, each timeline {ReportLimits.TimelineLanes} clients and {ReportLimits.TimelineBars} bars; what is left out is counted where it is left out. URIs are shown as text: copy them, they are not links.", "muted");
        if (report.Threats.Count > 0)
        {
            var contents = header.Add("ol", "contents");
            for (var i = 0; i < report.Threats.Count; i++)
            {
                contents.Add("li").Add("a").Set("href", $"#t{i + 1}").TextContent = Shown.Short(report.Threats[i].Title ?? report.Threats[i].Uri, 90);
            }
        }
    }

    private static void Threat(IElement body, int number, ThreatReport threat, int topResults)
    {
        var section = body.Add("section", "threat").Set("id", $"t{number}");
        section.AddText("h2", $"{number}. {Shown.Visible(threat.Title ?? "(no title)")}");
        section.AddText("p", Shown.Visible(threat.Uri), "uri");
        section.AddText("span", Origin(threat), "origin " + (threat.Origin is { } o ? IncidentProgression.OriginName(o) : "unknown"));
        section.AddText("p", Shown.Visible(threat.Text ?? "(no text)", keepLineBreaks: true), "story");

        if (threat.Problem is { } problem)
        {
            section.AddText("p", Shown.Visible(problem), "problem");
        }

        if (threat.Progression is { } progression)
        {
            var sentOn = progression.Rows - progression.RequestsToUri;
            section.AddText("p", progression.CountedOverRequestsOnly
                ? $"{Shown.Count(progression.RequestsToUri, "request", "requests")} to the URI from {Shown.Count(progression.ClientCount, "client", "clients")}; this incident file (written by Spot) does not count the requests it sent on."
                : $"{Shown.Count(progression.Rows, "request", "requests")} in the expanded search: {Shown.Count(progression.RequestsToUri)} to the URI and {Shown.Count(sentOn)} sent on from it to {Shown.Count(progression.RefererFor.Count, "page", "pages")}, from {Shown.Count(progression.ClientCount, "client", "clients")}.",
                "facts");
            section.AddText("h3", "Incident progression");
            var row = section.Add("div", "row");
            ProgressionGraph.Draw(row.Add("div"), threat.Uri, progression);
            var tables = row.Add("div", "tables");
            CountTable.Add(tables, "Clients", "client IP", progression.ClientIps);
            CountTable.Add(tables, "Request methods", "method", progression.RequestMethods);
            CountTable.Add(tables, "Content types", "content type", progression.ContentTypes);
            CountTable.Add(tables, "Referrers", "referring page", progression.Referers);
        }

        section.AddText("h3", "Timeline");
        TimelineChart.Draw(section, threat.Timeline, threat.Progression, topResults);
    }

    private static string Origin(ThreatReport threat) => threat.Origin switch
    {
        StoryOrigin.Decision => "Story from the analyst's decision",
        StoryOrigin.Storyboard => "Story from Spot's saved storyboard entry",
        StoryOrigin.Generated => "Story written by ProxyThreat: no analyst has written this threat up yet",
        _ when GeneratedStory.IsGenerated(threat.Text) => "Story written by ProxyThreat: no analyst has written this threat up yet",
        _ => "Story from an analyst (the incident file does not say whether from a decision or from Spot)",
    };

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
