using AngleSharp.Dom;
using ProxyThreat.Pipeline.Analysis;

namespace ProxyThreat.Pipeline.Report.Internal;

/// <summary>A small table of requests per value, most first, cut to <see cref="ReportLimits.TableRows"/> rows.</summary>
internal static class CountTable
{
    public static void Add(IElement parent, string caption, string column, IReadOnlyList<CountedValue> counts)
    {
        var table = parent.Add("table", "counts");
        var shown = Math.Min(counts.Count, ReportLimits.TableRows);
        table.AddText("caption", counts.Count > shown
            ? $"{caption} (top {shown} of {Shown.Count(counts.Count)})"
            : $"{caption} ({Shown.Count(counts.Count)})");
        var head = table.Add("thead").Add("tr");
        head.AddText("th", column);
        head.AddText("th", "requests", "n");

        var body = table.Add("tbody");
        foreach (var count in counts.Take(shown))
        {
            var row = body.Add("tr");
            row.AddText("td", Shown.Short(count.Value, ReportLimits.CellCharacters), "value");
            row.AddText("td", Shown.Count(count.Requests), "n");
        }

        if (counts.Count > shown)
        {
            var rest = counts.Skip(shown).ToList();
            var row = body.Add("tr", "more");
            row.AddText("td", $"+{Shown.Count(rest.Count)} more not shown");
            row.AddText("td", Shown.Count(rest.Sum(c => (long)c.Requests)), "n");
        }
        else if (counts.Count == 0)
        {
            body.Add("tr", "more").AddText("td", "none").Set("colspan", "2");
        }
    }
}
