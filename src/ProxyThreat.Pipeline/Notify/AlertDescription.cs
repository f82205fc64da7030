using System.Globalization;
using System.Text;
using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Notify.Internal;
using ProxyThreat.Pipeline.Output;
using ProxyThreat.Pipeline.Story;

namespace ProxyThreat.Pipeline.Notify;

/// <summary>An alert's description in Markdown: the story's text, then the counts and where the outputs are.</summary>
public static class AlertDescription
{
    public static string Of(WrittenThreat threat)
    {
        ArgumentNullException.ThrowIfNull(threat);
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append(threat.Story.Text.Trim()).Append("\n\n---\n\n");
        md.Append(inv, $"**URI** {Markdown.Code(threat.Uri)} on {threat.Date:yyyy-MM-dd}, Spot score {threat.Severity} ({ScoreName(threat.Severity)}); story from {Origin(threat.Story.Origin)}.\n\n");
        md.Append("| requests to the URI | requests in the expanded search | distinct clients | first seen (UTC) | last seen (UTC) |\n");
        md.Append("|---:|---:|---:|---|---|\n");
        md.Append(inv, $"| {threat.Requests} | {threat.Rows} | {threat.Clients} | {Time(threat.FirstSeen)} | {Time(threat.LastSeen)} |\n");
        Table(md, threat.Clients > threat.ClientIps.Count ? $"Top clients ({threat.ClientIps.Count} of {threat.Clients})" : "Clients", "client IP", threat.ClientIps);
        Table(md, "Request methods", "method", threat.RequestMethods);
        Table(md, "Content types", "content type", threat.ContentTypes);
        Table(md, "Referring pages", "page", threat.Referers);
        md.Append("\n#### Outputs\n\n");
        md.Append("- incident progression: ").Append(Markdown.Code(threat.Outputs.IncidentProgression)).Append('\n');
        md.Append("- storyboard row: ").Append(Markdown.Code(threat.Outputs.Storyboard)).Append('\n');
        md.Append("- timeline rows: ").Append(threat.Outputs.Timeline is { } timeline ? Markdown.Code(timeline) : "none (no request with a client and a time)").Append('\n');
        return md.ToString();
    }

    public static string ScoreName(int severity) => severity switch
    {
        1 => "high",
        2 => "medium",
        3 => "low",
        _ => "unknown",
    };

    private static void Table(StringBuilder md, string heading, string column, IReadOnlyList<CountedValue> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        md.Append("\n#### ").Append(heading).Append("\n\n| ").Append(column).Append(" | requests |\n|---|---:|\n");
        foreach (var value in values)
        {
            md.Append("| ").Append(Markdown.Cell(value.Value!)).Append(" | ").Append(value.Requests.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }
    }

    private static string Origin(StoryOrigin origin) => origin switch
    {
        StoryOrigin.Decision => "the analyst's decision",
        StoryOrigin.Storyboard => "Spot's saved storyboard entry",
        _ => "ProxyThreat's own summary",
    };

    private static string Time(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
}
