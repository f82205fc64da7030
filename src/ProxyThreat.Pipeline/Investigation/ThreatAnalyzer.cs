using System.Globalization;
using ProxyThreat.Pipeline.Sources;

namespace ProxyThreat.Pipeline.Investigation;

/// <summary>The pure part of an investigation: aggregates, incident progression and timeline of one URI.</summary>
public static class ThreatAnalyzer
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <param name="uri">The threat U.</param>
    /// <param name="rows">Its expanded search: requests whose fulluri or referer is U.</param>
    public static ThreatAnalysis Analyze(string uri, IReadOnlyList<ProxyRequest> rows, TimelineSettings settings, HttpStatusNames statusNames)
    {
        // Stable, so requests within one second keep the order the source gave them.
        var ordered = rows.OrderBy(r => r.Time ?? DateTime.MinValue).ToList();
        var requests = ordered.Where(r => r.FullUri == uri).ToList();
        var refererFor = ordered
            .Where(r => r.FullUri != uri)
            .Select(r => r.FullUri)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var clients = Count(ordered, r => r.ClientIp);

        return new ThreatAnalysis(
            uri,
            ordered.Count,
            requests,
            refererFor,
            clients,
            Count(ordered, r => r.RequestMethod),
            Count(ordered, r => r.ResponseContentType),
            Count(requests, r => r.Referer),
            Timeline(uri, requests, clients, settings, statusNames));
    }

    /// <summary>Requests per value, most first; ties by the smaller value (ordinal), null last.</summary>
    private static List<CountedValue> Count(IEnumerable<ProxyRequest> rows, Func<ProxyRequest, string?> field) =>
        rows.GroupBy(field)
            .Select(g => new CountedValue(g.Key, g.Count()))
            .OrderByDescending(c => c.Requests)
            .ThenBy(c => c.Value is null)
            .ThenBy(c => c.Value, StringComparer.Ordinal)
            .ToList();

    private static List<TimelineRow> Timeline(string uri, List<ProxyRequest> requests, List<CountedValue> clients, TimelineSettings settings, HttpStatusNames statusNames)
    {
        var timeline = new List<TimelineRow>();
        var top = clients.Where(c => c.Value is not null).Take(settings.TopResults).Select(c => c.Value!);
        foreach (var client in top)
        {
            var session = new List<ProxyRequest>();
            DateTime? previous = null;
            foreach (var request in requests.Where(r => r.ClientIp == client && r.Time is not null))
            {
                if (previous is { } p && request.Time!.Value - p > settings.Gap)
                {
                    AddSession(timeline, uri, client, session, statusNames);
                    session.Clear();
                }

                session.Add(request);
                previous = request.Time;
            }

            AddSession(timeline, uri, client, session, statusNames);
        }

        return timeline;
    }

    /// <summary>One row per response code of the session, in the order the codes first appear.</summary>
    private static void AddSession(List<TimelineRow> timeline, string uri, string client, List<ProxyRequest> session, HttpStatusNames statusNames)
    {
        foreach (var code in session.GroupBy(r => r.ResponseCode))
        {
            timeline.Add(new TimelineRow(
                uri,
                code.First().Time!.Value.ToString(TimeFormat, CultureInfo.InvariantCulture),
                code.Last().Time!.Value.ToString(TimeFormat, CultureInfo.InvariantCulture),
                code.Sum(r => (long)(r.Duration ?? 0)),
                client,
                code.Key,
                statusNames.NameOf(code.Key)));
        }
    }
}
