using System.Globalization;
using System.Text;

namespace ProxyThreat.Pipeline.Investigation;

/// <summary>The title and summary the worker writes itself when no analyst has.</summary>
public static class SummaryWriter
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

    public static string Title(ThreatAnalysis analysis)
    {
        var host = Uri.TryCreate(analysis.Uri, UriKind.Absolute, out var parsed) && parsed.Host.Length > 0 ? parsed.Host : analysis.Uri;
        return $"{Marker}High-risk URI {host}: {Count(analysis.Requests.Count, "request")} from {Count(RequestClients(analysis), "client")}";
    }

    public static string Text(DateOnly date, ThreatAnalysis analysis)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(Marker).Append(inv, $"On {date:yyyy-MM-dd} the proxy logged {Count(analysis.Requests.Count, "request")} to {analysis.Uri}");
        if (analysis.FirstSeen is { } first && analysis.LastSeen is { } last)
        {
            text.Append(inv, $" between {first:HH:mm:ss} and {last:HH:mm:ss}");
        }

        text.Append(inv, $" from {Count(RequestClients(analysis), "client IP")}, and {Count(analysis.RowCount - analysis.Requests.Count, "request")} to pages it sent users on to.");
        AppendTop(text, $" Across all {Count(analysis.RowCount, "request")}, the most active clients were ", analysis.ClientIps, ";");
        AppendTop(text, " request methods: ", analysis.RequestMethods, ";");
        AppendTop(text, " content types: ", analysis.ContentTypes, ";");
        if (text[^1] == ';')
        {
            text[^1] = '.';
        }

        var others = analysis.Referers.Where(r => r.Value is not null && r.Value != analysis.Uri).ToList();
        text.Append(inv, $" Users reached it from {Count(others.Count, "other page")}");
        AppendTop(text, " (", others, ")");
        var reloads = analysis.Referers.FirstOrDefault(r => r.Value == analysis.Uri)?.Requests ?? 0;
        if (reloads > 0)
        {
            text.Append(inv, $", and {Count(reloads, "request")} came from the page itself");
        }

        text.Append(inv, $". It sent users on to {Count(analysis.RefererFor.Count, "page")}");
        if (analysis.RefererFor.Count > 0)
        {
            text.Append(" (first: ").Append(analysis.RefererFor[0]).Append(')');
        }

        text.Append(inv, $". The timeline holds {Count(analysis.Timeline.Count, "row")}, one per session and response code of its most active clients.");
        return text.ToString();
    }

    private static int RequestClients(ThreatAnalysis analysis) =>
        analysis.Requests.Select(r => r.ClientIp).OfType<string>().Distinct(StringComparer.Ordinal).Count();

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static void AppendTop(StringBuilder text, string prefix, IReadOnlyList<CountedValue> counts, string suffix)
    {
        var top = counts.Where(c => c.Value is not null).Take(Listed).ToList();
        if (top.Count == 0)
        {
            return;
        }

        text.Append(prefix)
            .AppendJoin(", ", top.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value} ({c.Requests})")))
            .Append(suffix);
    }
}
