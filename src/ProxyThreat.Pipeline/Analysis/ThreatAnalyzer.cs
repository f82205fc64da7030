using ProxyThreat.Pipeline.Search;

namespace ProxyThreat.Pipeline.Analysis;

/// <summary>
/// The pure part of an investigation: aggregates, incident progression and timeline of one URI. Two passes
/// over the rows, whatever the number of clients on the timeline: one in any order for the counts, one in
/// time order for the pages sent on to and the timeline.
/// </summary>
public static class ThreatAnalyzer
{
    /// <param name="uri">The threat U.</param>
    /// <param name="rows">Its expanded search: requests whose fulluri or referer is U.</param>
    /// <param name="settings">How the timeline is cut.</param>
    /// <param name="statusNames">Names of the response codes.</param>
    public static ThreatAnalysis Analyze(string uri, SearchRows rows, TimelineSettings settings, HttpStatusNames statusNames)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(settings);
        var target = rows.FullUris.Find(uri);
        var counts = Count(rows, target);
        var timeline = new TimelineBuilder(uri, rows, counts.ClientIps, settings, statusNames);
        var refererFor = new List<string>();
        var sentOn = new bool[rows.FullUris.Count];
        long? first = null;
        long? last = null;

        var reader = rows.ReadInTimeOrder();
        for (var run = reader.Next(); !run.IsEmpty; run = reader.Next())
        {
            foreach (ref readonly var row in run)
            {
                if (row.FullUri != target)
                {
                    if (row.FullUri != TextTable.Null && !sentOn[row.FullUri])
                    {
                        sentOn[row.FullUri] = true;
                        refererFor.Add(rows.FullUris[row.FullUri]!);
                    }
                }
                else if (row.HasTime)
                {
                    first ??= row.Time;
                    last = row.Time;
                    timeline.Add(row);
                }
            }
        }

        return new ThreatAnalysis(uri, rows, counts, refererFor, timeline.Build(), Time(first), Time(last));
    }

    private static DateTime? Time(long? ticks) => ticks is { } t ? new DateTime(t) : null;

    private static ThreatCounts Count(SearchRows rows, int target)
    {
        var clients = new int[rows.ClientIps.Count];
        var methods = new int[rows.RequestMethods.Count];
        var types = new int[rows.ContentTypes.Count];
        var referers = new int[rows.Referers.Count];
        var requestClients = new bool[rows.ClientIps.Count];
        var requests = 0;
        var reader = rows.ReadAnyOrder();
        for (var run = reader.Next(); !run.IsEmpty; run = reader.Next())
        {
            foreach (ref readonly var row in run)
            {
                clients[row.ClientIp]++;
                methods[row.RequestMethod]++;
                types[row.ContentType]++;
                if (row.FullUri == target)
                {
                    requests++;
                    referers[row.Referer]++;
                    requestClients[row.ClientIp] = true;
                }
            }
        }

        requestClients[TextTable.Null] = false;
        return new ThreatCounts(
            requests,
            requestClients.Count(seen => seen),
            Ranked(rows.ClientIps, clients),
            Ranked(rows.RequestMethods, methods),
            Ranked(rows.ContentTypes, types),
            Ranked(rows.Referers, referers));
    }

    /// <summary>Requests per value, most first; ties by the smaller value (ordinal), null last.</summary>
    private static List<CountedValue> Ranked(TextTable texts, int[] counts)
    {
        var ranked = new List<CountedValue>();
        for (var id = 0; id < counts.Length; id++)
        {
            if (counts[id] > 0)
            {
                ranked.Add(new CountedValue(texts[id], counts[id]));
            }
        }

        ranked.Sort(static (a, b) =>
            a.Requests != b.Requests ? b.Requests.CompareTo(a.Requests)
            : a.Value is null || b.Value is null ? (a.Value is null).CompareTo(b.Value is null)
            : string.CompareOrdinal(a.Value, b.Value));
        return ranked;
    }
}
