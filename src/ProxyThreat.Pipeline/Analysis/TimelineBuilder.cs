using System.Globalization;
using ProxyThreat.Pipeline.Search;

namespace ProxyThreat.Pipeline.Analysis;

/// <summary>
/// FORMATS.md section 4 step 7 in one pass over the requests in time order: each request of a top client
/// goes to that client's open session, which closes at a gap longer than the cut. The rows come out by
/// client in rank order, then by session, then by response code in order of first appearance.
/// </summary>
internal sealed class TimelineBuilder
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    private readonly string _uri;
    private readonly SearchRows _rows;
    private readonly HttpStatusNames _statusNames;
    private readonly long _gap;
    private readonly int[] _slotOf;
    private readonly ClientSessions[] _slots;
    private readonly string?[] _codeNames;
    private readonly Dictionary<long, string> _times = [];

    public TimelineBuilder(string uri, SearchRows rows, IReadOnlyList<CountedValue> rankedClients, TimelineSettings settings, HttpStatusNames statusNames)
    {
        _uri = uri;
        _rows = rows;
        _statusNames = statusNames;
        _gap = settings.Gap.Ticks;
        _codeNames = new string?[rows.ResponseCodes.Count];
        _slotOf = new int[rows.ClientIps.Count];
        Array.Fill(_slotOf, -1);
        _slots = rankedClients.Where(c => c.Value is not null).Take(settings.TopResults)
            .Select((c, slot) =>
            {
                var id = rows.ClientIps.Find(c.Value!);
                _slotOf[id] = slot;
                return new ClientSessions(c.Value!);
            })
            .ToArray();
    }

    /// <summary>Takes a request to the URI that has a time, in time order.</summary>
    public void Add(in SearchRow row)
    {
        var slot = _slotOf[row.ClientIp];
        if (slot < 0)
        {
            return;
        }

        var client = _slots[slot];
        if (client.Previous is { } previous && row.Time - previous > _gap)
        {
            Close(client);
        }

        client.Previous = row.Time;
        foreach (var span in client.Open)
        {
            if (span.Code == row.ResponseCode)
            {
                span.End = row.Time;
                span.Duration += row.Duration;
                return;
            }
        }

        client.Open.Add(new CodeSpan(row.ResponseCode, row.Time, row.Duration));
    }

    public List<TimelineRow> Build()
    {
        var timeline = new List<TimelineRow>();
        foreach (var client in _slots)
        {
            Close(client);
            timeline.AddRange(client.Rows);
        }

        return timeline;
    }

    private void Close(ClientSessions client)
    {
        foreach (var span in client.Open)
        {
            var code = _rows.ResponseCodes[span.Code];
            var name = _codeNames[span.Code] ??= _statusNames.NameOf(code);
            client.Rows.Add(new TimelineRow(_uri, Format(span.Start), Format(span.End), span.Duration, client.Ip, code, name));
        }

        client.Open.Clear();
    }

    /// <summary>Each second is formatted once: a busy timeline starts and ends many sessions on the same seconds.</summary>
    private string Format(long ticks)
    {
        if (!_times.TryGetValue(ticks, out var text))
        {
            text = new DateTime(ticks).ToString(TimeFormat, CultureInfo.InvariantCulture);
            _times.Add(ticks, text);
        }

        return text;
    }

    private sealed class ClientSessions(string ip)
    {
        public string Ip { get; } = ip;

        public long? Previous { get; set; }

        public List<CodeSpan> Open { get; } = [];

        public List<TimelineRow> Rows { get; } = [];
    }

    private sealed class CodeSpan(int code, long start, long duration)
    {
        public int Code { get; } = code;

        public long Start { get; } = start;

        public long End { get; set; } = start;

        public long Duration { get; set; } = duration;
    }
}
