using System.Globalization;
using System.Text;
using ProxyThreat.Pipeline.Analysis;

namespace ProxyThreat.Pipeline.Story;

/// <summary>The title and summary the worker writes itself when no analyst has.</summary>
public static class GeneratedStory
{
    /// <summary>
    /// Begins every generated title and text. Spot hands back what the worker wrote as a saved storyboard
    /// entry; the marker keeps a later run from taking its own earlier summary for an analyst's words, and
    /// tells analysts in Spot's UI that nobody has written this threat up yet.
    /// </summary>
    public const string Marker = "[generated] ";

    private const int Listed = 3;

    /// <summary>True for a title or text this class wrote.</summary>
    public static bool IsGenerated(string? value) => value?.StartsWith(Marker, StringComparison.Ordinal) == true;

    /// <param name="analysis">The threat's aggregates.</param>
    /// <param name="severity">The threat's score on the date (1 high, 2 medium, 3 low); the most severe where it has several.</param>
    public static string Title(ThreatAnalysis analysis, int severity)
    {
        var host = Uri.TryCreate(analysis.Uri, UriKind.Absolute, out var parsed) && parsed.Host.Length > 0 ? parsed.Host : analysis.Uri;
        var what = analysis switch
        {
            { RowCount: 0 } => "no proxy record",
            { RequestCount: 0 } => $"no request to it, {Count(analysis.RowCount, "request")} to pages it sent users on to",
            _ => $"{Count(analysis.RequestCount, "request")} from {Count(analysis.RequestClientCount, "client")}",
        };
        return $"{Marker}{Risk(severity)} URI {host}: {what}";
    }

    /// <param name="date">The investigated date.</param>
    /// <param name="analysis">The threat's aggregates.</param>
    /// <param name="topResults">How many clients the timeline is cut to (<c>Investigation:TopResults</c>), so the text can say it cut.</param>
    public static string Text(DateOnly date, ThreatAnalysis analysis, int topResults)
    {
        var inv = CultureInfo.InvariantCulture;
        if (analysis.RowCount == 0)
        {
            return string.Create(inv, $"{Marker}No proxy record of {analysis.Uri} on {date:yyyy-MM-dd}: the day's proxy log holds no request to it and none from a page it served, so there is nothing to count and the timeline is empty. If it was scored from that day's traffic, check that the day's raw proxy data is complete.");
        }

        var text = new StringBuilder(Marker);
        var onwards = analysis.RowCount - analysis.RequestCount;
        if (analysis.RequestCount == 0)
        {
            text.Append(inv, $"On {date:yyyy-MM-dd} the proxy logged no request to {analysis.Uri} itself, only {Count(onwards, "request")} to pages it sent users on to.");
        }
        else
        {
            text.Append(inv, $"On {date:yyyy-MM-dd} the proxy logged {Count(analysis.RequestCount, "request")} to {analysis.Uri}");
            if (analysis.FirstSeen is { } first && analysis.LastSeen is { } last)
            {
                // Spot keeps the proxy's ELFF date and time fields, which Blue Coat logs in UTC.
                text.Append(inv, $" between {first:HH:mm:ss} and {last:HH:mm:ss} UTC");
            }

            text.Append(inv, $" from {Count(analysis.RequestClientCount, "client IP")}");
            text.Append(onwards > 0 ? string.Create(inv, $", and {Count(onwards, "request")} to pages it sent users on to.") : ".");
        }

        text.Append(inv, $" Across all {Count(analysis.RowCount, "request")}, ");
        text.AppendJoin("; ", new[]
        {
            Top("the most active clients were ", analysis.ClientIps, "no client IP"),
            Top("request methods: ", analysis.RequestMethods, "no method"),
            Top("content types: ", analysis.ContentTypes, "no content type"),
        }.OfType<string>());
        text.Append('.');

        if (analysis.RequestCount > 0)
        {
            var others = analysis.Referers.Where(r => r.Value is not null && r.Value != analysis.Uri).ToList();
            text.Append(others.Count > 0
                ? string.Create(inv, $" Users reached it from {Count(others.Count, "other page")} ({List(others)})")
                : " No other page sent users to it");
            var reloads = analysis.Referers.FirstOrDefault(r => r.Value == analysis.Uri)?.Requests ?? 0;
            if (reloads > 0)
            {
                text.Append(inv, $", and {Count(reloads, "request")} came from the page itself");
            }

            text.Append('.');
        }

        if (analysis.RefererFor.Count > 0)
        {
            text.Append(inv, $" It sent users on to {Count(analysis.RefererFor.Count, "page")} (first: {analysis.RefererFor[0]}).");
        }

        text.Append(analysis.Timeline.Count > 0
            ? string.Create(inv, $" The timeline holds {Count(analysis.Timeline.Count, "row")}, one per session and response code of its most active clients")
            : " The timeline is empty: no request to it has both a client IP and a time");

        // A cap says it capped: a reader must not take the timeline's clients for all of them.
        text.Append(analysis.ClientCount > topResults
            ? string.Create(inv, $"; it shows the top {topResults} of {analysis.ClientCount} clients.")
            : ".");
        return text.ToString();
    }

    private static string Risk(int severity) => severity switch
    {
        1 => "High-risk",
        2 => "Medium-risk",
        3 => "Low-risk",
        _ => string.Create(CultureInfo.InvariantCulture, $"Severity-{severity}"),
    };

    private static string Count(int count, string noun) => Plural.Of(count, noun);

    /// <summary>The most frequent values, then how many requests had none, so the counts add up to what was searched.</summary>
    private static string? Top(string prefix, IReadOnlyList<CountedValue> counts, string none)
    {
        var top = counts.Where(c => c.Value is not null).Take(Listed).ToList();
        var missing = counts.FirstOrDefault(c => c.Value is null)?.Requests ?? 0;
        var parts = top.Count > 0 ? List(top) : null;
        if (missing > 0)
        {
            var withNone = string.Create(CultureInfo.InvariantCulture, $"{none} on {Count(missing, "request")}");
            parts = parts is null ? withNone : parts + ", " + withNone;
        }

        return parts is null ? null : prefix + parts;
    }

    private static string List(IEnumerable<CountedValue> counts) =>
        string.Join(", ", counts.Take(Listed).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value} ({c.Requests})")));
}
