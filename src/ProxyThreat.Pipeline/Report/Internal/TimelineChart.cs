using System.Globalization;
using AngleSharp.Dom;
using ProxyThreat.Pipeline.Analysis;

namespace ProxyThreat.Pipeline.Report.Internal;

/// <summary>
/// The timeline as a chart: one lane per client of the timeline, a bar per row (a response code within a session)
/// from tstart to tend, coloured by response class, the code, name and duration in its tooltip. At most
/// <see cref="ReportLimits.TimelineLanes"/> lanes and <see cref="ReportLimits.TimelineBars"/> bars are drawn;
/// the notes above the chart say what was left out.
/// </summary>
internal static class TimelineChart
{
    private const double LabelWidth = 130;
    private const double PlotWidth = 840;
    private const double Top = 22;
    private const double Lane = 18;
    private static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];
    private static readonly int[] TickMinutes = [5, 10, 15, 30, 60, 120, 180, 240, 360, 720];

    public static void Draw(IElement parent, IReadOnlyList<TimelineRow> rows, ProgressionSummary? progression, int topResults)
    {
        var bars = rows.Select(Bar.From).ToList();
        var timed = bars.OfType<Bar>().ToList();
        var lanes = timed.Select(b => b.Client).Distinct(StringComparer.Ordinal).ToList();
        Notes(parent, rows.Count, timed.Count, lanes.Count, progression, topResults);
        if (timed.Count == 0)
        {
            return;
        }

        var drawnLanes = lanes.Take(ReportLimits.TimelineLanes).ToList();
        var laneOf = drawnLanes.Select((client, i) => (client, i)).ToDictionary(p => p.client, p => p.i, StringComparer.Ordinal);
        var drawn = timed.Where(b => laneOf.ContainsKey(b.Client)).Take(ReportLimits.TimelineBars).ToList();
        var start = Floor(timed.Min(b => b.Start));
        var end = Ceiling(timed.Max(b => b.End));
        if (end <= start)
        {
            end = start.AddHours(1);
        }

        var height = Top + (drawnLanes.Count * Lane) + 6;
        var svg = parent.AddSvg("svg", "timeline")
            .Set("viewBox", $"0 0 {LabelWidth + PlotWidth + 24} {height}")
            .Set("width", LabelWidth + PlotWidth + 24)
            .Set("height", height)
            .Set("role", "img");
        svg.AddSvg("title").TextContent = "Timeline: sessions of each client, coloured by response class";
        double X(DateTime t) => LabelWidth + ((t - start) / (end - start) * PlotWidth);

        for (var i = 0; i < drawnLanes.Count; i++)
        {
            var y = Top + (i * Lane);
            if (i % 2 == 0)
            {
                svg.AddSvg("rect", "lane").Set("x", LabelWidth).Set("y", y).Set("width", PlotWidth).Set("height", Lane);
            }

            svg.AddSvgText(LabelWidth - 6, y + 13, Shown.Short(drawnLanes[i], 18), "ip").Set("text-anchor", "end");
        }

        var step = TimeSpan.FromMinutes(TickMinutes.FirstOrDefault(m => (end - start).TotalMinutes / m <= 8, 1440));
        for (var tick = start; tick <= end; tick += step)
        {
            svg.AddSvg("line", "grid").Set("x1", X(tick)).Set("x2", X(tick)).Set("y1", Top - 4).Set("y2", height - 6);
            svg.AddSvgText(X(tick), 12, tick.ToString("HH:mm", CultureInfo.InvariantCulture)).Set("text-anchor", "middle");
        }

        foreach (var bar in drawn)
        {
            var x = X(bar.Start);
            svg.AddSvg("rect", ClassOf(bar.Row.ResponseCode))
                .Set("x", x).Set("y", Top + (laneOf[bar.Client] * Lane) + 3)
                .Set("width", Math.Max(2, X(bar.End) - x)).Set("height", Lane - 6)
                .Tooltip(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{Shown.Short(bar.Client, 64)}: {Shown.Short(bar.Row.ResponseCode, 16)} {Shown.Short(bar.Row.ResponseCodeName, 64)}, {bar.Start:HH:mm:ss} to {bar.End:HH:mm:ss}, {Shown.Count(bar.Row.Duration)} ms"));
        }

        Legend(parent);
        if (drawn.Count < timed.Count(b => laneOf.ContainsKey(b.Client)))
        {
            parent.AddText("p", $"Only the first {Shown.Count(drawn.Count)} of {Shown.Count(timed.Count(b => laneOf.ContainsKey(b.Client)))} bars of these lanes are drawn; the rest are left out.", "note");
        }
    }

    /// <summary>Whether the timeline was cut to the top N clients, and what the chart leaves out.</summary>
    private static void Notes(IElement parent, int rows, int timed, int lanes, ProgressionSummary? progression, int topResults)
    {
        if (progression is { CountedOverRequestsOnly: false } p)
        {
            parent.AddText("p", p.ClientCount > topResults
                ? $"The timeline was cut to the top {Shown.Count(topResults)} of {Shown.Count(p.ClientCount)} clients by requests (Investigation:TopResults); {Shown.Count(lanes, "client has", "clients have")} a lane."
                : $"The timeline holds every client ({Shown.Count(p.ClientCount)}); {Shown.Count(lanes, "client has", "clients have")} a lane.",
                p.ClientCount > topResults ? "note" : "muted");
        }

        if (rows == 0)
        {
            parent.AddText("p", "No timeline rows for this URI.", "muted");
        }

        if (lanes > ReportLimits.TimelineLanes)
        {
            parent.AddText("p", $"Only the first {ReportLimits.TimelineLanes} lanes are drawn; {Shown.Count(lanes - ReportLimits.TimelineLanes, "more client is", "more clients are")} left out.", "note");
        }

        if (timed < rows)
        {
            parent.AddText("p", $"{Shown.Count(rows - timed, "row has", "rows have")} no readable time or client and {(rows - timed == 1 ? "is" : "are")} not drawn.", "note");
        }
    }

    private static void Legend(IElement parent)
    {
        var legend = parent.Add("p", "legend muted");
        legend.AddText("span", "Response class:");
        foreach (var (css, label) in new[] { ("r2", "2xx"), ("r3", "3xx"), ("r4", "4xx"), ("r5", "5xx"), ("rx", "other") })
        {
            legend.Add("span", "sw " + css);
            legend.AddText("span", label);
        }

        legend.AddText("span", " · rest the pointer on a bar for its code, name, times and duration");
    }

    private static string ClassOf(string? code) => code is { Length: 3 } && code[0] is >= '2' and <= '5' ? "r" + code[0] : "rx";

    private static DateTime Floor(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, 0, 0, t.Kind);

    private static DateTime Ceiling(DateTime t) => Floor(t) == t ? t : Floor(t).AddHours(1);

    private sealed record Bar(TimelineRow Row, string Client, DateTime Start, DateTime End)
    {
        public static Bar? From(TimelineRow row) =>
            row.ClientIp is { } client
            && DateTime.TryParseExact(row.Start, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && DateTime.TryParseExact(row.End, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                ? new Bar(row, client, start, end < start ? start : end)
                : null;
    }
}
