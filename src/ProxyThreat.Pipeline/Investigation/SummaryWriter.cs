using System.Globalization;
using System.Text;

namespace ProxyThreat.Pipeline.Investigation;

/// <summary>The title and summary the worker writes itself when no analyst has.</summary>
public static class SummaryWriter
{
    private const int Listed = 3;

    public static string Title(ThreatAnalysis analysis)
    {
        var host = Uri.TryCreate(analysis.Uri, UriKind.Absolute, out var parsed) && parsed.Host.Length > 0 ? parsed.Host : analysis.Uri;
        return string.Create(CultureInfo.InvariantCulture, $"High-risk URI {host}: {analysis.Requests.Count} requests from {analysis.ClientCount} clients");
    }

    public static string Text(DateOnly date, ThreatAnalysis analysis)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"On {date:yyyy-MM-dd} the proxy logged {analysis.Requests.Count} requests to {analysis.Uri}");
        if (analysis.FirstSeen is { } first && analysis.LastSeen is { } last)
        {
            text.Append(inv, $" between {first:HH:mm:ss} and {last:HH:mm:ss}");
        }

        text.Append(inv, $", from {analysis.ClientCount} client IPs");
        AppendTop(text, "; most active clients: ", analysis.ClientIps);
        AppendTop(text, ". Request methods: ", analysis.RequestMethods);
        AppendTop(text, ". Content types: ", analysis.ContentTypes);
        var referers = analysis.Referers.Count(r => r.Value is not null);
        text.Append(inv, $". Users reached it from {referers} referring pages");
        AppendTop(text, " (", analysis.Referers, ")");
        text.Append(inv, $", and it sent users on to {analysis.RefererFor.Count} other pages");
        if (analysis.RefererFor.Count > 0)
        {
            text.Append(" (first: ").Append(analysis.RefererFor[0]).Append(')');
        }

        text.Append(inv, $". The timeline holds {analysis.Timeline.Count} sessions-by-response-code rows for the top clients.");
        return text.ToString();
    }

    private static void AppendTop(StringBuilder text, string prefix, IReadOnlyList<CountedValue> counts, string suffix = "")
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
