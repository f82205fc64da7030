using ProxyThreat.Pipeline.Provenance;
using ProxyThreat.Pipeline.Search;

namespace ProxyThreat.Pipeline.Analysis;

/// <summary>
/// Everything FORMATS.md section 4 derives from one URI's expanded search (steps 3, 4, 5 and 7). It reads
/// <see cref="Requests"/> from the search's rows, so it is used while the search is.
/// </summary>
public sealed class ThreatAnalysis
{
    private readonly SearchRows _rows;

    internal ThreatAnalysis(string uri, SearchRows rows, ThreatCounts counts, IReadOnlyList<string> refererFor, IReadOnlyList<TimelineRow> timeline, DateTime? firstSeen, DateTime? lastSeen)
    {
        Uri = uri;
        _rows = rows;
        RowCount = rows.Count;
        RequestCount = counts.Requests;
        RequestClientCount = counts.RequestClients;
        ClientIps = counts.ClientIps;
        ClientCount = counts.ClientIps.Count(c => c.Value is not null);
        RequestMethods = counts.RequestMethods;
        ContentTypes = counts.ContentTypes;
        Referers = counts.Referers;
        RefererFor = refererFor;
        Timeline = timeline;
        FirstSeen = firstSeen;
        LastSeen = lastSeen;
    }

    public string Uri { get; }

    /// <summary>The expanded search's size: requests whose fulluri or referer is the URI.</summary>
    public int RowCount { get; }

    /// <summary>How many requests have the URI as their fulluri.</summary>
    public int RequestCount { get; }

    /// <summary>How many distinct client IPs requested the URI itself.</summary>
    public int RequestClientCount { get; }

    /// <summary>The pages the URI sent users on to, first seen first.</summary>
    public IReadOnlyList<string> RefererFor { get; }

    public IReadOnlyList<CountedValue> ClientIps { get; }

    public IReadOnlyList<CountedValue> RequestMethods { get; }

    public IReadOnlyList<CountedValue> ContentTypes { get; }

    /// <summary>Requests to the URI per referer.</summary>
    public IReadOnlyList<CountedValue> Referers { get; }

    public IReadOnlyList<TimelineRow> Timeline { get; }

    /// <summary>The time of the first request to the URI that has one.</summary>
    public DateTime? FirstSeen { get; }

    public DateTime? LastSeen { get; }

    /// <summary>How many distinct client IPs the expanded search holds.</summary>
    public int ClientCount { get; }

    /// <summary>Where the outputs come from, for the incident-progression file; set by the investigator once the story is known.</summary>
    public ThreatProvenance? Provenance { get; internal set; }

    /// <summary>The requests whose fulluri is the URI, in time order, read from the search's rows as they are enumerated.</summary>
    public IEnumerable<IncidentRequest> Requests
    {
        get
        {
            var target = _rows.FullUris.Find(Uri);
            if (target < 0)
            {
                yield break;
            }

            var reader = _rows.ReadInTimeOrder();
            var batch = new List<IncidentRequest>();
            while (NextRequests(reader, target, batch))
            {
                foreach (var request in batch)
                {
                    yield return request;
                }
            }
        }
    }

    private bool NextRequests(RowReader reader, int target, List<IncidentRequest> batch)
    {
        batch.Clear();
        var run = reader.Next();
        foreach (var row in run)
        {
            if (row.FullUri == target)
            {
                batch.Add(new IncidentRequest(_rows.ClientIps[row.ClientIp], _rows.Referers[row.Referer], _rows.RequestMethods[row.RequestMethod], _rows.ContentTypes[row.ContentType]));
            }
        }

        return !run.IsEmpty;
    }
}
