using AngleSharp.Dom;

namespace ProxyThreat.Pipeline.Report.Internal;

/// <summary>
/// The incident progression as Spot's UI drew it: the pages that referred users to the URI, the URI, and the
/// pages it sent them on to, edges as wide as their request counts. Each side shows at most
/// <see cref="ReportLimits.GraphNodesPerSide"/> pages; the long tail is one "+N more" node with its count.
/// </summary>
internal static class ProgressionGraph
{
    private const double NodeWidth = 300;
    private const double CenterX = 380;
    private const double CenterWidth = 220;
    private const double RightX = 680;
    private const double Width = RightX + NodeWidth;
    private const double Top = 26;
    private const double Row = 24;
    private const double MaxEdge = 12;

    public static void Draw(IElement parent, string uri, ProgressionSummary progression)
    {
        var left = Side(
            progression.Referers.Select(r => new Node(r.Value ?? "(no referer)", r.Requests)).ToList(),
            (more, requests) => $"+{Shown.Count(more)} more pages ({Shown.Count(requests, "request", "requests")})");
        var right = Side(
            progression.RefererFor.Select(u => new Node(u, null)).ToList(),
            (more, _) => $"+{Shown.Count(more)} more pages");
        var rows = Math.Max(Math.Max(left.Count, right.Count), 3);
        var height = Top + (rows * Row) + 8;
        var middle = Top + (rows * Row / 2);

        var svg = parent.AddSvg("svg", "graph")
            .Set("viewBox", $"0 0 {Width} {height}")
            .Set("width", Width)
            .Set("height", height)
            .Set("role", "img");
        svg.AddSvg("title").TextContent = "Incident progression: referring pages, the URI, the pages it sent users on to";
        svg.AddSvgText(0, 14, progression.CountedOverRequestsOnly ? "Referring pages (requests to the URI)" : "Referring pages (requests)", "heading");
        svg.AddSvgText(CenterX, 14, "The URI", "heading");
        svg.AddSvgText(RightX, 14, "Sent users on to", "heading");

        var max = Math.Max(1, left.Where(n => !n.IsMore).Select(n => n.Requests ?? 0).DefaultIfEmpty(1).Max());
        for (var i = 0; i < left.Count; i++)
        {
            var y = Top + (i * Row) + (Row / 2);
            var width = left[i].Requests is { } requests ? 1.5 + ((MaxEdge - 1.5) * Math.Sqrt(Math.Min(1, (double)requests / max))) : 1.5;
            svg.AddSvg("path", "edge")
                .Set("d", Curve(NodeWidth, y, CenterX, middle))
                .Set("stroke-width", width)
                .Tooltip($"{Shown.Short(left[i].Text, ReportLimits.CellCharacters)} → the URI: {Shown.Count(left[i].Requests ?? 0, "request", "requests")}");
            DrawNode(svg, 0, Top + (i * Row), left[i]);
        }

        for (var i = 0; i < right.Count; i++)
        {
            var y = Top + (i * Row) + (Row / 2);
            svg.AddSvg("path", "edge out")
                .Set("d", Curve(CenterX + CenterWidth, middle, RightX, y))
                .Set("stroke-width", 1.5);
            DrawNode(svg, RightX, Top + (i * Row), right[i]);
        }

        if (left.Count == 0)
        {
            svg.AddSvgText(6, middle + 4, "no request to the URI recorded", "empty");
        }

        if (right.Count == 0)
        {
            svg.AddSvgText(RightX + 6, middle + 4, "none", "empty");
        }

        svg.AddSvg("rect", "center")
            .Set("x", CenterX).Set("y", middle - 30).Set("width", CenterWidth).Set("height", 60).Set("rx", 6)
            .Tooltip(Shown.Short(uri, ReportLimits.CellCharacters));
        svg.AddSvgText(CenterX + 8, middle - 12, Shown.Short(uri, 34), "center-text");
        svg.AddSvgText(CenterX + 8, middle + 4, Shown.Count(progression.RequestsToUri, "request to it", "requests to it"), "center-text");
        svg.AddSvgText(CenterX + 8, middle + 20, Shown.Count(progression.ClientCount, "client", "clients") + " in all", "center-text");
        parent.AddText("p", "Edge width: requests from each referring page. The incident file lists the pages the URI sent users on to without counting them, so those edges are all drawn alike. Rest the pointer on a page for its whole URI.", "graph-note");
    }

    /// <summary>The first nodes of a side, and one node standing for the rest when there are too many.</summary>
    private static List<Node> Side(List<Node> nodes, Func<int, long, string> more)
    {
        if (nodes.Count <= ReportLimits.GraphNodesPerSide)
        {
            return nodes;
        }

        var shown = nodes.Take(ReportLimits.GraphNodesPerSide).ToList();
        var rest = nodes.Skip(ReportLimits.GraphNodesPerSide).ToList();
        var requests = rest.Sum(n => n.Requests ?? 0);
        shown.Add(new Node(more(rest.Count, requests), rest.Any(n => n.Requests is not null) ? requests : null, IsMore: true));
        return shown;
    }

    private static void DrawNode(IElement svg, double x, double y, Node node)
    {
        svg.AddSvg("rect", node.IsMore ? "node more" : "node")
            .Set("x", x).Set("y", y + 2).Set("width", NodeWidth).Set("height", Row - 4).Set("rx", 3)
            .Tooltip(node.IsMore ? node.Text : Shown.Short(node.Text, ReportLimits.CellCharacters));
        svg.AddSvgText(x + 6, y + (Row / 2) + 4, node.IsMore ? node.Text : Shown.Short(node.Text, ReportLimits.LabelCharacters));
        if (node.Requests is { } requests && !node.IsMore)
        {
            svg.AddSvgText(x + NodeWidth - 6, y + (Row / 2) + 4, Shown.Count(requests), "count").Set("text-anchor", "end");
        }
    }

    private static string Curve(double x1, double y1, double x2, double y2) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"M{x1:0.#},{y1:0.#} C{x1 + 40:0.#},{y1:0.#} {x2 - 40:0.#},{y2:0.#} {x2:0.#},{y2:0.#}");

    private sealed record Node(string Text, long? Requests, bool IsMore = false);
}
